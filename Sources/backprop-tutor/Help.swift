/// Help texts, laid out the way swift-argument-parser lays them out.
enum Help {
  static let version = "0.1.0"

  static let overview = """
    OVERVIEW: Replays worked backpropagation examples and checks every number a
    document printed for them.

    USAGE: backprop-tutor <subcommand>

    OPTIONS:
      --version               Show the version.
      -h, --help              Show help information.

    SUBCOMMANDS:
      walk                    Replay an example: every value, derivative and update,
                              next to the document's value, with a verdict.
      list                    List the built-in examples.
      help                    Show help for a subcommand.

      See 'backprop-tutor help <subcommand>' for detailed help.
    """

  static let walk = """
    OVERVIEW: Replay an example: every value, derivative and update, next to the
    document's value, with a verdict.

    Prints the givens, the forward pass, the loss, the backward pass (each local
    derivative and each chain-rule product), the update, the forward pass after the
    update, and the document's other values, then a summary. A document value
    agrees when the exact value, rounded to the digits the document printed, equals
    it; otherwise it differs, and the line shows by how much.

    USAGE: backprop-tutor walk <example> [--json] [--ascii]

    ARGUMENTS:
      <example>               A built-in example's name (see 'backprop-tutor list')
                              or the path of an example file.

    OPTIONS:
      --json                  Print one JSON object (schema in README.md).
      --ascii                 Use ASCII instead of Unicode symbols (dL/dw1, yhat).
      -h, --help              Show help information.

    EXAMPLES:
      backprop-tutor walk simple-chain
      backprop-tutor walk my-homework.txt --ascii
    """

  static let list = """
    OVERVIEW: List the built-in examples: name, title and source document.

    USAGE: backprop-tutor list [--json]

    OPTIONS:
      --json                  Print a JSON array of {name, title, source}.
      -h, --help              Show help information.
    """

  static let help = """
    OVERVIEW: Show help for a subcommand.

    USAGE: backprop-tutor help [<subcommand>]

    ARGUMENTS:
      <subcommand>            walk, list or help.

    OPTIONS:
      -h, --help              Show help information.
    """

  static func text(for command: String) -> String? {
    switch command {
    case "walk": walk
    case "list": list
    case "help": help
    default: nil
    }
  }
}
