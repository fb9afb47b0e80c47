/**
 * The web preferences every window of the app is created with.
 *
 * A plain object built here (not in main/app) so a unit test can assert each flag without
 * Electron; main/app passes it to BrowserWindow unchanged. Field names are Electron's.
 */
export interface SecureWebPreferences {
  readonly sandbox: true;
  readonly contextIsolation: true;
  readonly nodeIntegration: false;
  readonly nodeIntegrationInWorker: false;
  readonly nodeIntegrationInSubFrames: false;
  readonly webSecurity: true;
  readonly allowRunningInsecureContent: false;
  readonly webviewTag: false;
  readonly experimentalFeatures: false;
  readonly enableBlinkFeatures: '';
  readonly navigateOnDragDrop: false;
  readonly spellcheck: false;
  readonly safeDialogs: true;
  readonly disableDialogs: true;
  readonly preload?: string;
  readonly partition?: string;
  readonly devTools: boolean;
}

export interface WindowOptions {
  readonly width: number;
  readonly height: number;
  readonly minWidth: number;
  readonly minHeight: number;
  readonly show: false;
  readonly title: string;
  readonly backgroundColor: string;
  readonly autoHideMenuBar: true;
  readonly webPreferences: SecureWebPreferences;
}

// SECURITY: every flag here is the locked-down value; nothing may loosen one per window.
function secure(extra: { preload?: string; partition?: string; devTools: boolean }): SecureWebPreferences {
  return Object.freeze({
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    enableBlinkFeatures: '',
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
    disableDialogs: true,
    ...extra,
  });
}

/** The wizard's window: our preload, the default session, devtools only in development. */
export function mainWindowOptions({ preload, title, isDev }: { preload: string; title: string; isDev: boolean }): WindowOptions {
  return Object.freeze({
    width: 1200,
    height: 820,
    minWidth: 760,
    minHeight: 560,
    show: false,
    title,
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    webPreferences: secure({ preload, devTools: isDev }),
  });
}

/**
 * Meta's login window: no preload at all (Meta's pages get no bridge to main), and its own
 * session partition so its cookies never mix with the app's.
 */
export function loginWindowOptions({ partition, title }: { partition: string; title: string }): WindowOptions {
  return Object.freeze({
    width: 520,
    height: 720,
    minWidth: 400,
    minHeight: 500,
    show: false,
    title,
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    webPreferences: secure({ partition, devTools: false }),
  });
}

/** The print window's preferences: the locked-down set, with scripts off as well. */
export interface PrintWebPreferences extends SecureWebPreferences {
  readonly javascript: false;
}

export interface PrintWindowOptions extends Omit<WindowOptions, 'webPreferences'> {
  readonly webPreferences: PrintWebPreferences;
}

/**
 * The hidden window that prints the runbook to PDF: never shown, no preload, no scripts.
 *
 * The HTML comes from the renderer and quotes what the admin typed; with JavaScript off and its
 * own throw-away partition, nothing in it can run or keep cookies, whatever it contains.
 */
export function printWindowOptions({ partition }: { partition: string }): PrintWindowOptions {
  return Object.freeze({
    width: 794,
    height: 1123,
    minWidth: 400,
    minHeight: 400,
    show: false,
    title: '',
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    // SECURITY: scripts off in the page that prints untrusted HTML (runbook rule).
    webPreferences: Object.freeze({ ...secure({ partition, devTools: false }), javascript: false as const }),
  });
}
