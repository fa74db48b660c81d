using System.Text;
using VirtLang.Cli;

Console.OutputEncoding = new UTF8Encoding(false);
return CliApplication.Run(args, Console.Out, Console.Error);
