import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../main/core/node-adapters';
import { createPinKeeper, pinSlot } from '../../main/meta/pins';
import { UNAVAILABLE_CIPHER, type Cipher } from '../../main/platform/secrets/cipher';
import { createSecretVault, SECRET_VAULT_FILE } from '../../main/platform/secrets/secret-vault';
import { testCipher } from '../e2e/harness/test-cipher';

/** The numbers' two-step PINs in the vault: kept encrypted, per number, and only where they belong. */

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function keeper(cipher: Cipher, dataDir = mkdtempSync(join(tmpdir(), 'wcsa-pins-'))) {
  if (!folders.includes(dataDir)) folders.push(dataDir);
  const logger = createMemoryLogger();
  const vault = createSecretVault({ cipher, dataDir, now: () => new Date('2026-03-02T09:00:00Z'), logger, report: () => undefined });
  return { dataDir, logger, pins: createPinKeeper(vault, () => new Date('2026-03-02T09:00:00Z')) };
}

describe('two-step PINs', () => {
  it("live in the number's own slot, named by its id", () => {
    expect(pinSlot('400000000000002').name).toBe('meta.pin.400000000000002');
    // SECURITY: the id becomes part of a slot name; anything but digits is refused.
    for (const id of ['', '12ab', '4000/..', 'meta.session']) expect(() => pinSlot(id)).toThrow(expect.objectContaining({ code: 'meta.invalidRequest' }));
  });

  it('are stored encrypted and read back after a restart, one per number', () => {
    const cipher = testCipher();
    const first = keeper(cipher);
    expect(first.pins.store('400000000000002', '482913')).toBe('2026-03-02T09:00:00.000Z');
    first.pins.store('400000000000003', '135790');
    expect(first.pins.remembered).toBe(true);
    const vaultText = readFileSync(join(first.dataDir, SECRET_VAULT_FILE), 'utf8');
    expect(vaultText).toContain('meta.pin.400000000000002');
    expect(vaultText).not.toContain('482913');

    const again = keeper(cipher, first.dataDir);
    expect(again.pins.pin('400000000000002')).toBe('482913');
    expect(again.pins.pin('400000000000003')).toBe('135790');
    expect(again.pins.storedAt('400000000000002')).toBe('2026-03-02T09:00:00.000Z');
    expect(again.pins.pin('400000000000004')).toBeNull();
    expect(again.logger.lines().join('\n')).not.toContain('482913');
  });

  it('refuse anything but six digits', () => {
    const { pins } = keeper(testCipher());
    expect(() => pins.store('400000000000002', '12345')).toThrow();
    expect(() => pins.store('400000000000002', '12345a')).toThrow();
    expect(pins.storedAt('400000000000002')).toBeNull();
  });

  it('are kept for this run only when the computer offers no encryption', () => {
    const first = keeper(UNAVAILABLE_CIPHER);
    first.pins.store('400000000000002', '482913');
    expect(first.pins.remembered).toBe(false);
    expect(first.pins.pin('400000000000002')).toBe('482913');
    expect(existsSync(join(first.dataDir, SECRET_VAULT_FILE))).toBe(false);
    expect(keeper(UNAVAILABLE_CIPHER, first.dataDir).pins.pin('400000000000002')).toBeNull();
  });
});
