import type { Person, Phone } from './world';

/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char);
}

const PERMISSION_TEXT: Record<string, string> = {
  business_management: 'Manage your business and its assets',
  whatsapp_business_management: 'Manage your WhatsApp Business accounts',
  whatsapp_business_messaging: 'Send and receive WhatsApp messages for your business',
  public_profile: 'Your name and profile picture',
};

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} | Facebook (sandbox)</title>
<link rel="stylesheet" href="/sandbox.css">
</head>
<body>
<header class="banner"><span class="logo" aria-hidden="true">f</span> <span class="label">Sandbox: simulated Meta login. Nothing here reaches Meta.</span></header>
<main>
${body}
</main>
</body>
</html>`;
}

/** Hidden field carrying the dialog's original query, so every step answers the same request. */
const carry = (query: string) => `<input type="hidden" name="q" value="${escapeHtml(query)}">`;

export function choosePage(query: string, appName: string, people: readonly Person[]): string {
  const buttons = people
    .map((person) => `<li><button type="submit" name="person" value="${escapeHtml(person.id)}" class="account">Log in as ${escapeHtml(person.name)}<span class="email">${escapeHtml(person.email)}</span></button></li>`)
    .join('\n');
  return layout(
    'Log in to Facebook',
    `<h1>Log in to Facebook</h1>
<p>${escapeHtml(appName)} wants to use your Facebook account. Pick one of the sample people of the sandbox.</p>
<form method="post" action="/sandbox/login">
${carry(query)}
<input type="hidden" name="action" value="choose">
<ul class="accounts">
${buttons}
</ul>
</form>
<form method="post" action="/sandbox/login">
${carry(query)}
<button type="submit" name="action" value="cancel" class="secondary">Cancel</button>
</form>`,
  );
}

export function continuePage(query: string, appName: string, person: Person): string {
  return layout(
    `Continue as ${person.name}`,
    `<h1>Continue as ${escapeHtml(person.name)}?</h1>
<p>${escapeHtml(appName)} will receive your name and the permissions it asks for.</p>
<form method="post" action="/sandbox/login">
${carry(query)}
<input type="hidden" name="person" value="${escapeHtml(person.id)}">
<button type="submit" name="action" value="continue" class="primary">Continue as ${escapeHtml(person.name)}</button>
<button type="submit" name="action" value="another" class="link">Log in with another account</button>
<button type="submit" name="action" value="cancel" class="secondary">Cancel</button>
</form>`,
  );
}

export function consentPage(query: string, appName: string, person: Person, asked: readonly string[]): string {
  const boxes = asked
    .map(
      (scope) =>
        `<li><input type="checkbox" id="scope-${escapeHtml(scope)}" name="grant" value="${escapeHtml(scope)}" checked> <label for="scope-${escapeHtml(scope)}">${escapeHtml(PERMISSION_TEXT[scope] ?? scope)} <code>${escapeHtml(scope)}</code></label></li>`,
    )
    .join('\n');
  return layout(
    'Permissions',
    `<h1>${escapeHtml(appName)} is requesting access</h1>
<p>Logged in as ${escapeHtml(person.name)}. Untick what you do not want to allow.</p>
<form method="post" action="/sandbox/consent">
${carry(query)}
<input type="hidden" name="person" value="${escapeHtml(person.id)}">
<fieldset>
<legend>Permissions</legend>
<ul class="scopes">
${boxes}
</ul>
</fieldset>
<button type="submit" name="action" value="continue" class="primary">Continue</button>
<button type="submit" name="action" value="cancel" class="secondary">Cancel</button>
</form>`,
  );
}

export function errorPage(title: string, message: string): string {
  return layout(title, `<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(message)}</p>`);
}

/** The sandbox's "phone": where a person playing along reads the verification codes. */
export function phonePage(phones: readonly Phone[]): string {
  const rows = phones
    .map(
      (phone) =>
        `<tr><th scope="row">${escapeHtml(phone.display_phone_number)}</th><td>${escapeHtml(phone.verified_name)}</td><td class="code">${phone.lastCode ? escapeHtml(phone.lastCode.code) : '–'}</td><td>${phone.lastCode ? `${phone.lastCode.method} ${phone.lastCode.sentAt.toISOString()}` : ''}</td></tr>`,
    )
    .join('\n');
  return layout(
    'Sandbox phone',
    `<h1>Sandbox phone</h1>
<p>Verification codes the sandbox "sent" by SMS or voice call. Reload the page after requesting a code.</p>
<table>
<thead><tr><th scope="col">Number</th><th scope="col">Display name</th><th scope="col">Last code</th><th scope="col">Sent</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`,
  );
}

export const SANDBOX_CSS = `
:root { color-scheme: light dark; font-family: Helvetica, Arial, sans-serif; }
body { margin: 0; background: #f0f2f5; color: #1c1e21; }
.banner { background: #1877f2; color: #fff; padding: 0.75rem 1rem; display: flex; gap: 0.75rem; align-items: center; }
.logo { font-weight: bold; font-size: 1.5rem; background: #fff; color: #1877f2; border-radius: 50%; width: 2rem; height: 2rem; display: inline-flex; align-items: center; justify-content: center; }
.label { font-weight: bold; }
main { max-width: 28rem; margin: 1.5rem auto; background: #fff; padding: 1.25rem 1.5rem; border-radius: 8px; box-shadow: 0 2px 4px rgba(0,0,0,.1); }
h1 { font-size: 1.25rem; }
ul { list-style: none; padding: 0; }
li { margin: 0.5rem 0; }
button { font: inherit; padding: 0.6rem 1rem; border-radius: 6px; border: 1px solid #8a8d91; background: #fff; color: #1c1e21; cursor: pointer; margin: 0.25rem 0.25rem 0.25rem 0; }
button.primary, button.account { background: #1877f2; color: #fff; border-color: #1877f2; }
button.account { width: 100%; text-align: left; }
button.link { border: none; color: #0b5fcc; text-decoration: underline; }
.email { display: block; font-size: 0.85rem; }
fieldset { border: 1px solid #ccd0d5; border-radius: 6px; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid #ccd0d5; padding: 0.4rem; text-align: left; }
.code { font-family: monospace; font-size: 1.2rem; }
:focus-visible { outline: 3px solid #0b5fcc; outline-offset: 2px; }
@media (prefers-color-scheme: dark) { body { background: #18191a; color: #e4e6eb; } main { background: #242526; } button { background: #3a3b3c; color: #e4e6eb; } button.link { color: #6ea8fe; } }
`;
