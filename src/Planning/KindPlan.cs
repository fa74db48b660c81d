namespace VirtLang.Planning;

/// <summary>
/// One row of <see cref="KindComparison"/>: the plan's pools under one hypervisor kind, its plan or the first reason
/// there is none, and, when asked for, the placed model's text (to simulate it).
/// </summary>
public sealed record KindPlan(string Kind, PlanResult? Result, string? Why, string? Placed);
