// The VS Code side of VirtLang: starts `vdl lsp` (the server does everything else) and restarts it when its
// settings change. Highlighting comes from the TextMate grammar, refined by the server's semantic tokens.
import * as path from 'path';
import { ExtensionContext, workspace, window, OutputChannel } from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;
let output: OutputChannel | undefined;

/** The command that runs the server: `dotnet vdl.dll lsp` for a .dll, else the vdl executable itself. */
export function serverCommand(configured: string, extraArgs: readonly string[]): { command: string; args: string[] } {
  const args = ['lsp', ...extraArgs];
  if (configured.toLowerCase().endsWith('.dll')) {
    return { command: 'dotnet', args: [path.resolve(configured), ...args] };
  }
  return { command: configured, args };
}

async function start(context: ExtensionContext): Promise<void> {
  const settings = workspace.getConfiguration('vdl');
  const { command, args } = serverCommand(settings.get<string>('server.path', 'vdl'), settings.get<string[]>('server.extraArgs', []));
  output ??= window.createOutputChannel('VirtLang');
  const serverOptions: ServerOptions = { command, args, transport: TransportKind.stdio };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'vdl' }],
    outputChannel: output,
    synchronize: { fileEvents: workspace.createFileSystemWatcher('**/{*.vdl,vdlconfig.json}') },
  };
  client = new LanguageClient('vdl', 'VirtLang', serverOptions, clientOptions);
  try {
    await client.start();
  } catch (e) {
    window.showErrorMessage(`VirtLang: could not start \`${command} ${args.join(' ')}\` (${String(e)}). Set vdl.server.path to the vdl command or vdl.dll.`);
  }
  context.subscriptions.push({ dispose: () => void client?.stop() });
}

export async function activate(context: ExtensionContext): Promise<void> {
  await start(context);
  context.subscriptions.push(workspace.onDidChangeConfiguration(async (e) => {
    if (e.affectsConfiguration('vdl.server')) {
      await client?.stop();
      await start(context);
    }
  }));
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
