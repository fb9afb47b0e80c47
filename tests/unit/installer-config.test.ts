import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = resolve(__dirname, '../..');
const config = parse(readFileSync(resolve(root, 'electron-builder.yml'), 'utf8')) as Record<string, Record<string, unknown>>;

describe('installer configuration', () => {
  it('locks the Electron fuses that would let someone run the app as Node or swap its code', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    expect(config.asar).toBe(true);
  });

  it('builds NSIS for x64 and arm64, and dmg + zip with a hardened runtime', () => {
    expect(config.win?.target).toEqual([{ target: 'nsis', arch: ['x64', 'arm64'] }]);
    expect(config.mac).toMatchObject({ hardenedRuntime: true, entitlements: 'build/entitlements.mac.plist' });
    expect((config.mac?.target as { target: string }[]).map((target) => target.target)).toEqual(['dmg', 'zip']);
    // Notarization is driven by APPLE_* variables; turning it off here would ship un-notarized builds.
    expect(config.mac?.notarize).not.toBe(false);
  });

  it('ships only the built app, with the icon and entitlements it names', () => {
    expect(config.files).toEqual(['out/**/*', 'package.json', '!**/*.map']);
    for (const file of ['build/icon.png', 'build/icon.svg', 'build/entitlements.mac.plist']) expect(existsSync(resolve(root, file)), file).toBe(true);
    const entitlements = readFileSync(resolve(root, 'build/entitlements.mac.plist'), 'utf8');
    expect(entitlements).not.toMatch(/device\.camera|device\.audio-input|disable-library-validation|allow-unsigned-executable-memory/);
  });
});
