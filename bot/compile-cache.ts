import * as nodeModule from "node:module";

// Node 22.1+ (production runs Node 24) keeps V8's compiled code of every module loaded after this
// call on disk (in the OS temp directory), so a restart skips most of the ~1 s spent compiling
// botbuilder, @azure/cosmos and the rest. Older Node has no such call; a directory that cannot be
// written only turns the cache off.
const { enableCompileCache } = nodeModule as { enableCompileCache?: () => unknown };
enableCompileCache?.();
