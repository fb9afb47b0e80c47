import { DEFAULT_COMPONENT_HEIGHT } from '../model/drafts/drafts';
import type { DraftsIndex } from './drafts-index';
import { finding, type Finding } from './findings';

/** The placeholder CXone fills in at the end of the component's URL (task 6). */
export const URL_PLACEHOLDER = '%s';

/**
 * Trailing placeholders, also as the French manual prints it ("ajoutez % s", a typesetting
 * space): an admin who copied the manual literally gets the same URL as one who did not.
 */
const TRAILING_PLACEHOLDERS = /(?:%[ \t]?s)+$/;

/**
 * The URL to paste into CXone's custom component: the copied template-settings URL with `%s`.
 *
 * Trims, then appends `%s` unless the URL already ends with it; never twice, even when the
 * admin already typed it (or typed it twice, or as "% s"). An empty paste stays empty, so a
 * form does not show a URL that is only the placeholder.
 */
export function componentUrl(pasted: string): string {
  const trimmed = pasted.trim();
  if (trimmed === '') return '';
  return `${trimmed.replace(TRAILING_PLACEHOLDERS, '')}${URL_PLACEHOLDER}`;
}

/** An https URL with a host; plain text, since `shared/` has no `URL` class in every runtime it targets. */
const HTTPS_URL = /^https:\/\/[^\s/?#@]+(?:[/?#]\S*)?$/i;

function countPlaceholders(url: string): number {
  return url.split(URL_PLACEHOLDER).length - 1;
}

/**
 * The custom component that shows templates to agents (manual, task 6).
 *
 * The pasted URL must be an https address; `%s` goes at its end exactly once (when missing, the
 * app appends it and says so). Height 200 px is the manual's recommendation. Components whose URL
 * contains "smooch" must be deleted first. No channel selected means every channel: said as an
 * advice, since every WhatsApp template of the account then shows in every channel.
 */
export function customComponentFindings(index: DraftsIndex): Finding[] {
  const out: Finding[] = [];
  const component = index.drafts.customComponent;
  if (component.url === '') out.push(finding('customComponent.urlMissing', ['customComponent', 'url']));
  else {
    const url = componentUrl(component.url);
    if (!HTTPS_URL.test(url)) out.push(finding('customComponent.urlNotHttps', ['customComponent', 'url']));
    if (!component.url.endsWith(URL_PLACEHOLDER)) out.push(finding('customComponent.placeholderAppended', ['customComponent', 'url']));
    const placeholders = countPlaceholders(url);
    if (placeholders > 1) out.push(finding('customComponent.placeholderRepeated', ['customComponent', 'url'], { count: placeholders }));
  }
  if (component.height !== DEFAULT_COMPONENT_HEIGHT) {
    out.push(finding('customComponent.heightNotRecommended', ['customComponent', 'height'], { height: component.height, recommended: DEFAULT_COMPONENT_HEIGHT }));
  }
  if (!component.smoochDeleted) out.push(finding('customComponent.smoochNotDeleted', ['customComponent', 'smoochDeleted']));
  component.channelIds.forEach((channelId, k) => {
    if (!index.channelIndex.has(channelId)) out.push(finding('customComponent.unknownChannel', ['customComponent', 'channelIds', k]));
  });
  if (component.channelIds.length === 0) out.push(finding('customComponent.appliesToAllChannels', ['customComponent', 'channelIds'], { channels: index.drafts.channels.length }));
  return out;
}
