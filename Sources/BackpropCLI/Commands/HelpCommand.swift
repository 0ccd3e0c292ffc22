/// `backprop-tutor help [SUBCOMMAND]`: the overview, or one subcommand's help.
struct HelpCommand: Command {
  /// Computed, not stored: its argument's help lists the registry, which lists it.
  static var configuration: CommandConfiguration {
    let others = CommandRegistry.commands.filter { $0 != Self.self }.map { $0.configuration.name }
    let names = others.joined(separator: ", ") + " or help."
    return CommandConfiguration(
      name: "help", abstract: "Show help for a subcommand.",
      arguments: [ArgumentDeclaration(name: "subcommand", arity: .optional, help: names)])
  }

  var topic: String?

  init(_ arguments: ParsedArguments) throws {
    topic = arguments.positional(0)
    if let topic, CommandRegistry.command(named: topic) == nil {
      throw Failure.usage("unknown subcommand '\(Failure.quoted(topic))'", command: nil)
    }
  }

  func run() throws -> Int32 {
    let help = topic.flatMap(CommandRegistry.command(named:)).map { HelpFormatter.help(for: $0.configuration) }
    Console.out((help ?? CommandRegistry.overview) + "\n")
    return 0
  }
}
