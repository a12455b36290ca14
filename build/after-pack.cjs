'use strict';

/**
 * electron-builder `afterPack` hook: flips Electron fuses in the packaged binary, then reads the
 * fuse wire back and fails the build unless every fuse is exactly as listed here (acceptance
 * checks E10 and F-1; research §1.3).
 *
 * Threats: `ELECTRON_RUN_AS_NODE`, `NODE_OPTIONS` and `--inspect` turn our signed binary into a
 * general Node.js interpreter or debugger for malware ("living off the land"); loading the app
 * from anywhere but a verified app.asar lets a local attacker swap our code; file:// extra
 * privileges are unused surface.
 *
 * Why not `strictlyRequireAllFuses`: @electron/fuses 1.8.0 (the last release for Node 20) knows
 * 8 fuses, Electron 45 has 9, and the option then throws before flipping anything. The read-back
 * check below is stricter: any fuse in the binary that this file does not list fails the build,
 * so a new fuse in an Electron upgrade cannot slip through unreviewed. With an @electron/fuses
 * that names every fuse, the option is switched on as well.
 */

const path = require('node:path');
const { flipFuses, getCurrentFuseWire, FuseVersion, FuseV1Options } = require('@electron/fuses');

/** The fuses @electron/fuses can set by name, and our value for each. */
const FUSE_TABLE = Object.freeze({
  RunAsNode: false,
  EnableCookieEncryption: true,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  // Enforced on macOS and Windows; Linux has no embedded asar integrity yet and ignores it.
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  LoadBrowserProcessSpecificV8Snapshot: false,
  GrantFileProtocolExtraPrivileges: false,
});

/**
 * Fuses the installed @electron/fuses has no name for (by wire index), the value we require,
 * and why. They are set by name when the library knows them, otherwise only verified.
 */
const UNNAMED_FUSES = Object.freeze([
  Object.freeze({ index: 8, name: 'WasmTrapHandlers', value: true, why: 'Electron default; keeps WebAssembly bounds checks fast and safe' }),
]);

/** Number of fuses in Electron 45's wire. A different count means the table needs a review. */
const EXPECTED_FUSE_COUNT = 9;

const STATE_ENABLED = 49; // ASCII '1'
const STATE_DISABLED = 48; // ASCII '0'

/** The required state of every fuse, by wire index. */
function expectedFuseStates() {
  const states = new Map();
  for (const [name, value] of Object.entries(FUSE_TABLE)) {
    const index = FuseV1Options[name];
    if (typeof index !== 'number') throw new Error(`@electron/fuses has no fuse named ${name}`);
    states.set(index, value);
  }
  for (const fuse of UNNAMED_FUSES) states.set(fuse.index, fuse.value);
  return states;
}

/** The `flipFuses` config for a target. */
function buildFuseConfig({ electronPlatformName, arch }) {
  // Arch enum of builder-util: arm64 = 3, universal = 4. Flipping fuses breaks the ad-hoc
  // signature that Apple Silicon requires, so it is redone when there is no real signing.
  const isAppleSilicon = (electronPlatformName === 'darwin' || electronPlatformName === 'mas') && (arch === 3 || arch === 4);
  const config = { version: FuseVersion.V1, resetAdHocDarwinSignature: isAppleSilicon };
  for (const [name, value] of Object.entries(FUSE_TABLE)) config[FuseV1Options[name]] = value;
  let namesAll = true;
  for (const fuse of UNNAMED_FUSES) {
    const index = FuseV1Options[fuse.name];
    if (typeof index === 'number') config[index] = fuse.value;
    else namesAll = false;
  }
  config.strictlyRequireAllFuses = namesAll;
  return config;
}

/**
 * Compares a fuse wire read from a binary (`getCurrentFuseWire`) with the table. Returns a list
 * of problems; empty means every fuse is as required and none is unknown.
 */
function checkFuseWire(wire) {
  const problems = [];
  const expected = expectedFuseStates();
  if (String(wire.version) !== FuseVersion.V1) problems.push(`fuse wire version ${wire.version}, expected ${FuseVersion.V1}`);
  const indices = Object.keys(wire)
    .filter((key) => /^\d+$/.test(key))
    .map(Number)
    .sort((a, b) => a - b);
  if (indices.length !== EXPECTED_FUSE_COUNT) {
    problems.push(`the binary has ${indices.length} fuses, this table was reviewed for ${EXPECTED_FUSE_COUNT}`);
  }
  for (const index of indices) {
    if (!expected.has(index)) {
      problems.push(`fuse #${index} is not in the table: review it and add it`);
      continue;
    }
    const want = expected.get(index) ? STATE_ENABLED : STATE_DISABLED;
    if (wire[index] !== want) problems.push(`fuse #${index} is ${String.fromCharCode(wire[index])}, expected ${String.fromCharCode(want)}`);
  }
  for (const index of expected.keys()) {
    if (!indices.includes(index)) problems.push(`fuse #${index} is missing from the binary`);
  }
  return problems;
}

/** Path of the packaged Electron executable (or .app bundle) for an afterPack context. */
function electronBinaryPath({ appOutDir, electronPlatformName, packager }) {
  switch (electronPlatformName) {
    case 'darwin':
    case 'mas':
      return path.join(appOutDir, `${packager.appInfo.productFilename}.app`);
    case 'win32':
      return path.join(appOutDir, `${packager.appInfo.productFilename}.exe`);
    case 'linux':
      return path.join(appOutDir, packager.executableName);
    default:
      throw new Error(`no fuse policy for platform ${electronPlatformName}`);
  }
}

/** The hook electron-builder calls after packing each target, before signing. */
async function afterPack(context) {
  const binary = electronBinaryPath(context);
  await flipFuses(binary, buildFuseConfig(context));
  const problems = checkFuseWire(await getCurrentFuseWire(binary));
  if (problems.length > 0) {
    throw new Error(`Electron fuses of ${binary} are not as required:\n- ${problems.join('\n- ')}`);
  }
}

module.exports = {
  FUSE_TABLE,
  UNNAMED_FUSES,
  EXPECTED_FUSE_COUNT,
  expectedFuseStates,
  buildFuseConfig,
  checkFuseWire,
  electronBinaryPath,
  afterPack,
};
