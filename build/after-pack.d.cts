// Types for build/after-pack.cjs, so tests can import it under TypeScript strict.

export declare const FUSE_TABLE: Readonly<{
  RunAsNode: boolean;
  EnableCookieEncryption: boolean;
  EnableNodeOptionsEnvironmentVariable: boolean;
  EnableNodeCliInspectArguments: boolean;
  EnableEmbeddedAsarIntegrityValidation: boolean;
  OnlyLoadAppFromAsar: boolean;
  LoadBrowserProcessSpecificV8Snapshot: boolean;
  GrantFileProtocolExtraPrivileges: boolean;
}>;

export declare const UNNAMED_FUSES: ReadonlyArray<
  Readonly<{ index: number; name: string; value: boolean; why: string }>
>;

export declare const EXPECTED_FUSE_COUNT: number;

export declare function expectedFuseStates(): Map<number, boolean>;

export interface FuseTarget {
  electronPlatformName: string;
  arch: number;
}

export declare function buildFuseConfig(target: FuseTarget): Record<string | number, unknown>;

export declare function checkFuseWire(wire: Record<string, unknown>): string[];

export interface AfterPackContextLike extends FuseTarget {
  appOutDir: string;
  packager: { executableName?: string; appInfo: { productFilename: string } };
}

export declare function electronBinaryPath(context: AfterPackContextLike): string;

export declare function afterPack(context: AfterPackContextLike): Promise<void>;
