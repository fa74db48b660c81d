using VirtLang.Compiler.Hosting;
using VirtLang.Runtime.Engine;
using VirtLang.Runtime.Results;
using VirtLang.Runtime.Scenarios;

namespace VirtLang.Cli.Commands;

/// <summary>
/// <c>vdl run</c>'s simulation of a model that <see cref="ModelHeadStart"/> built from the cache, started as soon as it
/// is built, while the model is still being checked: the scenario and the seed come from the command line, and the
/// cached model is the one the run loads after the check whenever the files did not change. Its result is taken only
/// for that very model object (<see cref="ModelHost.Load"/> returned it: the keys matched) and the same scenario; the
/// run waits for it, showing its progress from then on, and what it threw is thrown where the run would have thrown it.
/// Otherwise (errors, another key, another scenario) it is left running, unused, on a background thread.
/// </summary>
internal sealed class SimulationHeadStart(string? scenarioName, ulong? seed)
{
    private readonly TaskCompletionSource<SimulationResult> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private GeneratedModel? _model;
    private ScenarioSpec? _scenario;
    private Action<long>? _progress;

    /// <summary>Given to <see cref="ModelHeadStart.Begin"/>: records the model and starts its simulation on a thread of its own.</summary>
    public void Start(GeneratedModel model)
    {
        if (RunCommand.ChooseScenario(model.Scenarios, scenarioName, seed) is not { } scenario)
        {
            return; // the run says which scenarios there are
        }

        _scenario = scenario;
        Volatile.Write(ref _model, model);
        new Thread(() => Simulate(model, scenario)) { IsBackground = true, Name = "vdl simulation head start" }.Start();
    }

    /// <summary>
    /// The result for <paramref name="model"/> under <paramref name="scenario"/> when they are what was simulated here,
    /// waiting for it (its progress told to <paramref name="progress"/> meanwhile); else null, and the run simulates.
    /// </summary>
    public SimulationResult? TryTake(GeneratedModel model, ScenarioSpec scenario, Action<long>? progress)
    {
        if (!ReferenceEquals(Volatile.Read(ref _model), model) || _scenario != scenario)
        {
            return null;
        }

        Volatile.Write(ref _progress, progress);
        return _result.Task.GetAwaiter().GetResult();
    }

    private void Simulate(GeneratedModel model, ScenarioSpec scenario)
    {
        try
        {
            // Progress is asked for either way: the kernel runs the same events in the same order with or without it.
            var options = new SimulationOptions { Progress = now => Volatile.Read(ref _progress)?.Invoke(now) };
            _result.SetResult(Simulator.Run(model.Topology, scenario, options));
        }
        catch (Exception e)
        {
            _result.SetException(e);
        }
    }
}
