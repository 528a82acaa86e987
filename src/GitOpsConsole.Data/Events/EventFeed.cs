using GitOpsConsole.Core;
using GitOpsConsole.Core.Domain;

namespace GitOpsConsole.Data.Events;

/// <summary>Each event, once persisted with its decision (views, and the engines' queue).</summary>
public sealed class EventFeed : LiveFeed<TriggerEvent>;
