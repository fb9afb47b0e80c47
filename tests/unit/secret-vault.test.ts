import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as z from 'zod';
import type { Logger } from '../../main/platform/ports';
import type { DocumentNotice } from '../../main/platform/persistence/versioned-document';
import type { Cipher } from '../../main/platform/secrets/cipher';
import { createSecretVault, defineSlot } from '../../main/platform/secrets/secret-vault';
import { META_SESSION, type StoredSession } from '../../main/platform/secrets/slots';

/** Every atomic write the vault asks for, and a switch to make the next ones fail (a full disk). */
const disk = vi.hoisted(() => ({ fail: false, writes: [] as { path: string; mode: unknown; legacyPresent: boolean }[], legacyPath: '' }));

vi.mock('atomically', async (importOriginal) => {
  const actual = await importOriginal<typeof import('atomically')>();
  const { existsSync: exists } = await import('node:fs');
  return {
    ...actual,
    writeFileSync: (...args: Parameters<typeof actual.writeFileSync>) => {
      const options = typeof args[2] === 'object' && args[2] !== null ? args[2] : {};
      disk.writes.push({ path: args[0], mode: options.mode, legacyPresent: disk.legacyPath !== '' && exists(disk.legacyPath) });
      if (disk.fail) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
      actual.writeFileSync(...args);
    },
  };
});

const FIXTURE = fileURLToPath(new URL('../fixtures/secrets/session.vault.v1.json', import.meta.url));

const TOKEN = 'EAAGvaultTestTokenNeverOnDisk0123456789';
const session: StoredSession = {
  accessToken: TOKEN,
  expiresAt: '2026-11-24T20:00:00.000Z',
  userId: '10002',
  userName: 'Léa Dubois',
  scopesGranted: ['business_management', 'whatsapp_business_management'],
  scopesMissing: ['whatsapp_business_messaging'],
  mode: 'live',
};

/** The session release 1 saved in tests/fixtures/secrets/session.vault.v1.json (see its README). */
const FIXTURE_SESSION: StoredSession = {
  accessToken: 'EAAGfixtureReleaseOneToken0123456789',
  expiresAt: '2026-12-31T23:00:00.000Z',
  userId: '10002',
  userName: 'Léa Dubois',
  scopesGranted: ['business_management', 'whatsapp_business_management', 'whatsapp_business_messaging'],
  scopesMissing: [],
  mode: 'live',
};

/** A later slot, as the CXone area will declare one. */
const CXONE = defineSlot('cxone.credentials', z.strictObject({ accessKeyId: z.string(), accessKeySecret: z.string() }));
const CXONE_SECRET = 'cxoneSecretValueNeverOnDisk42';

/** XOR then bytes: reversible, yet neither the token nor its base64 appears in the output. */
function xorCipher(key = 0x4b): Cipher {
  return {
    isAvailable: () => true,
    backend: () => 'test-xor',
    encrypt: (text) => new Uint8Array(Buffer.from(text).map((byte) => byte ^ key)),
    decrypt: (bytes) => Buffer.from(bytes.map((byte) => byte ^ key)).toString(),
  };
}

/** Records raw log lines, without the redaction real loggers apply, so a leak would show. */
function rawLogger(): Logger & { text(): string } {
  const lines: string[] = [];
  const write = (message: string, meta?: Record<string, unknown>) => lines.push(`${message} ${JSON.stringify(meta ?? {})}`);
  return { info: write, warn: write, error: write, text: () => lines.join('\n') };
}

let dir: string;
let file: string;
let legacy: string;
let notices: DocumentNotice[];
let logger: ReturnType<typeof rawLogger>;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wcsa-secret-vault-'));
  file = join(dir, 'secrets.vault');
  legacy = join(dir, 'session.vault');
  notices = [];
  logger = rawLogger();
  disk.fail = false;
  disk.writes = [];
  disk.legacyPath = legacy;
});
const open = (cipher: Cipher) => createSecretVault({ cipher, dataDir: dir, now: () => new Date('2026-11-24T12:34:56Z'), logger, report: (notice) => notices.push(notice) });
const stored = () => JSON.parse(readFileSync(file, 'utf8')) as { version: number; backend: string; slots: Record<string, string> };
const sealedBy = (cipher: Cipher, value: string) => Buffer.from(cipher.encrypt(value)).toString('base64');

describe('secret vault with OS encryption', () => {
  it('stores each slot encrypted under its name, with the backend name, and nothing readable', () => {
    const cipher = xorCipher();
    const vault = open(cipher);
    vault.set(META_SESSION, session);
    vault.set(CXONE, { accessKeyId: 'AKID', accessKeySecret: CXONE_SECRET });
    const text = readFileSync(file, 'utf8');
    for (const secret of [TOKEN, CXONE_SECRET, session.userName]) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain(Buffer.from(secret).toString('base64'));
    }
    const onDisk = stored();
    expect(Object.keys(onDisk).sort()).toEqual(['backend', 'slots', 'version']);
    expect(onDisk).toMatchObject({ version: 2, backend: 'test-xor' });
    expect(Object.keys(onDisk.slots).sort()).toEqual(['cxone.credentials', 'meta.session']);
    expect(JSON.parse(cipher.decrypt(new Uint8Array(Buffer.from(onDisk.slots['meta.session'] ?? '', 'base64'))))).toEqual(session);
  });

  it('brings every slot back in a new run', () => {
    const vault = open(xorCipher());
    vault.set(META_SESSION, session);
    vault.set(CXONE, { accessKeyId: 'AKID', accessKeySecret: CXONE_SECRET });
    const next = open(xorCipher());
    expect(next.remembered).toBe(true);
    expect(next.get(META_SESSION)).toEqual(session);
    expect(next.get(CXONE)).toEqual({ accessKeyId: 'AKID', accessKeySecret: CXONE_SECRET });
    expect(notices).toEqual([]);
  });

  it('keeps slots apart: forgetting one leaves the others', () => {
    const vault = open(xorCipher());
    vault.set(META_SESSION, session);
    vault.set(CXONE, { accessKeyId: 'AKID', accessKeySecret: CXONE_SECRET });
    vault.delete(META_SESSION);
    const next = open(xorCipher());
    expect(next.get(META_SESSION)).toBeNull();
    expect(next.get(CXONE)).toEqual({ accessKeyId: 'AKID', accessKeySecret: CXONE_SECRET });
    expect(Object.keys(stored().slots)).toEqual(['cxone.credentials']);
  });

  it('refuses to store content its slot does not describe, and a slot name that is not one', () => {
    const vault = open(xorCipher());
    expect(() => vault.set(META_SESSION, { ...session, accessToken: '' })).toThrow();
    expect(existsSync(file)).toBe(false);
    expect(() => defineSlot('session', z.string())).toThrow();
    expect(() => defineSlot('Meta.session', z.string())).toThrow();
  });

  it('writes through a temporary file created 0600, and leaves the file 0600', () => {
    open(xorCipher()).set(META_SESSION, session);
    expect(disk.writes).toEqual([expect.objectContaining({ path: file, mode: 0o600 })]);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['secrets.vault']);
  });

  it.skipIf(process.platform === 'win32')('tightens a vault file that had become readable by others to 0600', () => {
    open(xorCipher()).set(META_SESSION, session);
    chmodSync(file, 0o644);
    open(xorCipher()).set(CXONE, { accessKeyId: 'AKID', accessKeySecret: CXONE_SECRET });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['secrets.vault']);
  });

  it('leaves no temporary file behind when the write cannot complete', () => {
    const vault = open(xorCipher());
    expect(vault.get(META_SESSION)).toBeNull();
    // A directory where the vault file should be makes the final rename fail.
    mkdirSync(join(file, 'occupied'), { recursive: true });
    expect(() => vault.set(META_SESSION, session)).toThrow();
    expect(readdirSync(dir)).toEqual(['secrets.vault']);
  });

  it('sets aside a slot it cannot decrypt, keeps the bytes, says so, and starts signed out', () => {
    open(xorCipher()).set(META_SESSION, session);
    const original = readFileSync(file);
    const broken: Cipher = {
      ...xorCipher(),
      decrypt: () => {
        throw new Error('keychain changed');
      },
    };
    const vault = open(broken);
    expect(vault.get(META_SESSION)).toBeNull();
    const movedTo = join(dir, 'secrets.vault.undecryptable-20261124T123456');
    expect(readFileSync(movedTo)).toEqual(original);
    expect(existsSync(file)).toBe(false);
    expect(notices).toEqual([{ code: 'vault.undecryptable', params: { file: 'secrets.vault', slot: 'meta.session', movedTo }, severity: 'warning' }]);
    // Logging in again works straight away.
    vault.set(META_SESSION, session);
    expect(open(xorCipher()).get(META_SESSION)).toEqual(session);
  });

  it('sets aside a whole file written by another backend, or not a vault at all, under free names', () => {
    open(xorCipher()).set(META_SESSION, session);
    const other: Cipher = { ...xorCipher(), backend: () => 'dpapi' };
    expect(open(other).get(META_SESSION)).toBeNull();
    expect(notices.map((notice) => notice.code)).toEqual(['vault.undecryptable']);
    expect(readdirSync(dir)).toEqual(['secrets.vault.undecryptable-20261124T123456']);

    writeFileSync(file, '{not json');
    expect(open(xorCipher()).get(META_SESSION)).toBeNull();
    expect(notices).toHaveLength(2);
    expect(notices[1]?.params).toEqual({ file: 'secrets.vault', movedTo: join(dir, 'secrets.vault.undecryptable-20261124T123456-2') });
    // Both bad files are kept, the second under a free name.
    expect(readdirSync(dir).sort()).toEqual(['secrets.vault.undecryptable-20261124T123456', 'secrets.vault.undecryptable-20261124T123456-2']);
  });

  it('drops a slot whose content fails its schema, reports it, and keeps the other slots', () => {
    const cipher = xorCipher();
    writeFileSync(file, JSON.stringify({ version: 2, backend: 'test-xor', slots: { 'meta.session': sealedBy(cipher, '{"accessToken":""}'), 'cxone.credentials': sealedBy(cipher, JSON.stringify({ accessKeyId: 'AKID', accessKeySecret: CXONE_SECRET })) } }));
    const vault = open(cipher);
    expect(vault.get(META_SESSION)).toBeNull();
    expect(vault.get(CXONE)).toEqual({ accessKeyId: 'AKID', accessKeySecret: CXONE_SECRET });
    expect(notices).toEqual([{ code: 'vault.undecryptable', params: { file: 'secrets.vault', slot: 'meta.session', movedTo: join(dir, 'secrets.vault.invalid-20261124T123456') }, severity: 'warning' }]);
    expect(Object.keys(stored().slots)).toEqual(['cxone.credentials']);
    // Reported once: the next run finds nothing wrong.
    expect(open(cipher).get(META_SESSION)).toBeNull();
    expect(notices).toHaveLength(1);
  });

  it('never writes a secret to the log, even when a slot is set aside', () => {
    const cipher = xorCipher();
    open(cipher).set(META_SESSION, session);
    expect(open({ ...cipher, decrypt: () => `${TOKEN} is not JSON` }).get(META_SESSION)).toBeNull();
    expect(notices).toHaveLength(1);
    // JSON.parse quotes the start of what it failed on: not even that may reach the log.
    expect(logger.text()).not.toContain(TOKEN.slice(0, 8));
  });

  it('wipes the file when the last slot is forgotten', () => {
    const vault = open(xorCipher());
    vault.set(META_SESSION, session);
    vault.delete(META_SESSION);
    expect(vault.get(META_SESSION)).toBeNull();
    expect(open(xorCipher()).get(META_SESSION)).toBeNull();
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('secret vault without OS encryption', () => {
  function unavailable(): Cipher & { calls: number } {
    const cipher = {
      calls: 0,
      isAvailable: () => false,
      backend: () => 'none',
      encrypt: (text: string) => {
        cipher.calls += 1;
        return new Uint8Array(Buffer.from(text));
      },
      decrypt: (bytes: Uint8Array) => {
        cipher.calls += 1;
        return Buffer.from(bytes).toString();
      },
    };
    return cipher;
  }

  it('keeps secrets in memory, writes nothing and never calls the cipher', () => {
    const cipher = unavailable();
    const vault = open(cipher);
    vault.set(META_SESSION, session);
    expect(vault.remembered).toBe(false);
    expect(vault.get(META_SESSION)).toEqual(session);
    expect(cipher.calls).toBe(0);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('forgets them in the next run', () => {
    open(unavailable()).set(META_SESSION, session);
    expect(open(unavailable()).get(META_SESSION)).toBeNull();
  });

  it('does not read, and on delete removes, a slot left from a run that had encryption, keeping the others', () => {
    const encrypted = open(xorCipher());
    encrypted.set(META_SESSION, session);
    encrypted.set(CXONE, { accessKeyId: 'AKID', accessKeySecret: CXONE_SECRET });
    const cipher = unavailable();
    const vault = open(cipher);
    expect(vault.get(META_SESSION)).toBeNull();
    expect(notices).toEqual([]);
    vault.delete(META_SESSION);
    expect(cipher.calls).toBe(0);
    expect(Object.keys(stored().slots)).toEqual(['cxone.credentials']);
    vault.delete(CXONE);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('leaves a release-1 session file alone, and removes it on delete', () => {
    copyFileSync(FIXTURE, legacy);
    const vault = open(unavailable());
    expect(vault.get(META_SESSION)).toBeNull();
    expect(readdirSync(dir)).toEqual(['session.vault']);
    vault.delete(META_SESSION);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('upgrade from release 1 (session.vault)', () => {
  it('moves the remembered session of the release-1 fixture into the meta.session slot', () => {
    copyFileSync(FIXTURE, legacy);
    expect(open(xorCipher()).get(META_SESSION)).toEqual(FIXTURE_SESSION);
    expect(readdirSync(dir)).toEqual(['secrets.vault']);
    expect(readFileSync(file, 'utf8')).not.toContain(FIXTURE_SESSION.accessToken);
    expect(notices).toEqual([]);
    // The next run reads it from the new file.
    expect(open(xorCipher()).get(META_SESSION)).toEqual(FIXTURE_SESSION);
  });

  it('removes the old file only after the new one is written', () => {
    copyFileSync(FIXTURE, legacy);
    disk.fail = true;
    // The write fails: the session is usable this run, and the old file is kept.
    expect(open(xorCipher()).get(META_SESSION)).toEqual(FIXTURE_SESSION);
    expect(readdirSync(dir)).toEqual(['session.vault']);
    disk.fail = false;
    expect(open(xorCipher()).get(META_SESSION)).toEqual(FIXTURE_SESSION);
    expect(readdirSync(dir)).toEqual(['secrets.vault']);
    // Each write was asked for while the old file was still there.
    expect(disk.writes.map((write) => write.legacyPresent)).toEqual([true, true]);
  });

  it('keeps the session already in the vault when an interrupted move left the old file', () => {
    open(xorCipher()).set(META_SESSION, session);
    copyFileSync(FIXTURE, legacy);
    expect(open(xorCipher()).get(META_SESSION)).toEqual(session);
    expect(readdirSync(dir)).toEqual(['secrets.vault']);
  });

  it('sets aside a release-1 file it cannot decrypt, says so, and starts signed out', () => {
    copyFileSync(FIXTURE, legacy);
    expect(open({ ...xorCipher(), backend: () => 'dpapi' }).get(META_SESSION)).toBeNull();
    const movedTo = join(dir, 'session.vault.undecryptable-20261124T123456');
    expect(readFileSync(movedTo)).toEqual(readFileSync(FIXTURE));
    expect(notices).toEqual([{ code: 'vault.undecryptable', params: { file: 'session.vault', movedTo }, severity: 'warning' }]);
    expect(readdirSync(dir)).toEqual(['session.vault.undecryptable-20261124T123456']);
  });

  it('sets aside a release-1 file that decrypts to something other than a session', () => {
    writeFileSync(legacy, JSON.stringify({ version: 1, backend: 'test-xor', ciphertext: sealedBy(xorCipher(), '{"accessToken":""}') }));
    expect(open(xorCipher()).get(META_SESSION)).toBeNull();
    expect(notices.map((notice) => notice.code)).toEqual(['vault.undecryptable']);
    expect(readdirSync(dir)).toEqual(['session.vault.undecryptable-20261124T123456']);
  });
});
