import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UpdatePolicyFile, type UpdatePolicy } from '../../shared/model/updates/updates';

/** The organisation's policy file, beside the app's other files in the data folder. */
export const UPDATE_POLICY_FILE = 'update-policy.json';

/**
 * Reads the organisation's update policy; never writes it.
 *
 * Read on every use rather than once, so IT can change it without the admin restarting. A file
 * that exists but cannot be parsed is `invalid`, which turns updates off: IT wrote it to
 * constrain updates, and guessing what it meant could install what they meant to block.
 */
export function readUpdatePolicy(dataDir: string): UpdatePolicy {
  let text: string;
  try {
    text = readFileSync(join(dataDir, UPDATE_POLICY_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'none' };
    return { state: 'invalid' };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { state: 'invalid' };
  }
  const parsed = UpdatePolicyFile.safeParse(raw);
  if (!parsed.success) return { state: 'invalid' };
  return {
    state: 'valid',
    enabled: parsed.data.enabled ?? null,
    feedUrl: parsed.data.feedUrl ?? null,
    checkAtStart: parsed.data.checkAtStart ?? null,
  };
}
