// The VS Code side of VirtLang: starts `vdl lsp` (the server does everything else), restarts it when its settings
// change or on the command `VirtLang: Restart Language Server`. Highlighting comes from the TextMate grammar,
// refined by the server's semantic tokens.
import { ExtensionContext, commands, workspace, window, OutputChannel } from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { serverCommand } from './serverCommand';

let client: LanguageClient | undefined;
let output: OutputChannel | undefined;

async function start(): Promise<void> {
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
}

async function restart(): Promise<void> {
  const running = client;
  client = undefined;
  await running?.stop();
  await start();
}

export async function activate(context: ExtensionContext): Promise<void> {
  await start();
  context.subscriptions.push(
    { dispose: () => void client?.stop() },
    commands.registerCommand('vdl.restartServer', restart),
    workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration('vdl.server')) {
        await restart();
      }
    }),
  );
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
