import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { useTempDirs } from '../helpers/temp-dir';

import type * as AfterPackModule from '../../../../build/after-pack.cjs';
const require = createRequire(import.meta.url);
const fuses = require('../../../../build/after-pack.cjs') as typeof AfterPackModule;

// The fuse sentinel of Electron's binaries (@electron/fuses constants).
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/** A file laid out like an Electron binary's fuse wire: sentinel, version 1, length, states. */
function fakeElectronBinary(states: string): Buffer {
  return Buffer.concat([
    Buffer.from('\x7fELF junk before the wire '),
    Buffer.from(SENTINEL, 'ascii'),
    Buffer.from([1, states.length]),
    Buffer.from(states, 'ascii'),
    Buffer.from(' junk after the wire'),
  ]);
}

function readStates(binary: Buffer, count: number): string {
  const start = binary.indexOf(SENTINEL) + SENTINEL.length + 2;
  return binary.subarray(start, start + count).toString('ascii');
}

describe('the fuse table', () => {
  it('has the values of the research table (§1.3)', () => {
    expect(fuses.FUSE_TABLE).toEqual({
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      LoadBrowserProcessSpecificV8Snapshot: false,
      GrantFileProtocolExtraPrivileges: false,
    });
    expect(Object.isFrozen(fuses.FUSE_TABLE)).toBe(true);
  });

  it('keeps WasmTrapHandlers (fuse #8, unnamed in @electron/fuses 1.8) at its default, on', () => {
    expect(fuses.UNNAMED_FUSES).toEqual([expect.objectContaining({ index: 8, name: 'WasmTrapHandlers', value: true })]);
  });

  it('requires a state for every fuse of the wire it was reviewed for', () => {
    const states = fuses.expectedFuseStates();
    expect(states.size).toBe(fuses.EXPECTED_FUSE_COUNT);
    expect([...states.keys()].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('builds the flipFuses config by wire index', () => {
    const config = fuses.buildFuseConfig({ electronPlatformName: 'linux', arch: 1 });
    expect(config).toMatchObject({ version: '1', resetAdHocDarwinSignature: false, 0: false, 1: true, 2: false, 3: false, 4: true, 5: true, 6: false, 7: false });
    expect(fuses.buildFuseConfig({ electronPlatformName: 'darwin', arch: 3 }).resetAdHocDarwinSignature).toBe(true);
  });
});

describe('afterPack on a synthetic Electron binary', () => {
  const tempDir = useTempDirs();
  let appOutDir: string;
  let binary: string;
  const context = () => ({
    appOutDir,
    electronPlatformName: 'linux',
    arch: 1,
    packager: { executableName: 'kirjuri', appInfo: { productFilename: 'Kirjuri' } },
  });

  beforeEach(async () => {
    appOutDir = await tempDir();
    binary = path.join(appOutDir, 'kirjuri');
  });

  it('flips the real bytes to the table and verifies them', async () => {
    // Electron 45 defaults: runAsNode on, cookies off, NODE_OPTIONS on, inspect on, asar checks off,
    // v8 snapshot off, file:// privileges on, wasm trap handlers on.
    await writeFile(binary, fakeElectronBinary('101100011'));
    await fuses.afterPack(context());
    expect(readStates(await readFile(binary), 9)).toBe('010011001');
  });

  it('fails the build when the binary has a fuse the table does not list', async () => {
    await writeFile(binary, fakeElectronBinary('1011000110'));
    await expect(fuses.afterPack(context())).rejects.toThrow(/fuse #9 is not in the table/);
  });

  it('fails the build when an unnamed fuse is not at the required value', async () => {
    await writeFile(binary, fakeElectronBinary('101100010'));
    await expect(fuses.afterPack(context())).rejects.toThrow(/fuse #8 is 0, expected 1/);
  });

  it('fails when there is no fuse wire at all', async () => {
    await writeFile(binary, Buffer.from('not electron'));
    await expect(fuses.afterPack(context())).rejects.toThrow();
  });
});

describe('checkFuseWire', () => {
  const good = { version: '1', 0: 48, 1: 49, 2: 48, 3: 48, 4: 49, 5: 49, 6: 48, 7: 48, 8: 49 };

  it('accepts the required wire', () => {
    expect(fuses.checkFuseWire(good)).toEqual([]);
  });

  it.each([
    ['RunAsNode on', { ...good, 0: 49 }, /fuse #0/],
    ['NODE_OPTIONS on', { ...good, 2: 49 }, /fuse #2/],
    ['inspect on', { ...good, 3: 49 }, /fuse #3/],
    ['OnlyLoadAppFromAsar off', { ...good, 5: 48 }, /fuse #5/],
    ['a removed fuse', { ...good, 7: 114 }, /fuse #7 is r/],
    ['a missing fuse', (({ 8: _omit, ...rest }) => rest)(good), /fuse #8 is missing/],
    ['another wire version', { ...good, version: '2' }, /version/],
  ])('reports %s', (_label, wire, problem) => {
    const problems = fuses.checkFuseWire(wire);
    expect(problems.join('\n')).toMatch(problem);
  });
});

describe('electronBinaryPath', () => {
  const packager = { executableName: 'kirjuri', appInfo: { productFilename: 'Kirjuri' } };
  it.each([
    ['linux', 'kirjuri'],
    ['win32', 'Kirjuri.exe'],
    ['darwin', 'Kirjuri.app'],
    ['mas', 'Kirjuri.app'],
  ])('%s → %s', (platform, file) => {
    expect(fuses.electronBinaryPath({ appOutDir: '/out', electronPlatformName: platform, arch: 1, packager })).toBe(
      path.join('/out', file),
    );
  });
});
