/// The one list of subcommands: dispatch, the overview's SUBCOMMANDS, `help SUBCOMMAND`
/// and the unknown-subcommand error all read it.
enum CommandRegistry {
  /// Every subcommand, in the order the overview lists them.
  static var commands: [any Command.Type] {
    [
      WalkCommand.self, CheckCommand.self, TrainCommand.self, SurfaceCommand.self, NudgeCommand.self, GraphCommand.self,
      QuizCommand.self, ExplainCommand.self, NewCommand.self, ListCommand.self, HelpCommand.self,
      CompletionsCommand.self, ManualCommand.self,
    ]
  }

  /// The tool's version, for `--version`.
  static let version = "0.1.0"

  /// The tool's one-line description, the overview's OVERVIEW.
  static let abstract = "Replays worked backpropagation examples and checks every number a document printed for them."

  /// The subcommand called `name`, if there is one.
  static func command(named name: String) -> (any Command.Type)? {
    commands.first { $0.configuration.name == name }
  }

  /// The overview: `backprop-tutor`, `backprop-tutor --help`, `backprop-tutor help`.
  static var overview: String {
    HelpFormatter.overview(abstract: abstract, commands: commands.map { $0.configuration })
  }
}
