// How the extension starts the server, apart from VS Code's API so the tests start `vdl lsp` exactly this way.
import * as path from 'path';

/** The command that runs the server: `dotnet vdl.dll lsp` for a .dll, else the vdl executable itself. */
export function serverCommand(configured: string, extraArgs: readonly string[]): { command: string; args: string[] } {
  const args = ['lsp', ...extraArgs];
  if (configured.toLowerCase().endsWith('.dll')) {
    return { command: 'dotnet', args: [path.resolve(configured), ...args] };
  }
  return { command: configured, args };
}
