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
      check                   Check hand calculations: only what differs, and why.
      train                   Run gradient descent: the loss and parameters, step by step.
      surface                 Map the loss over two parameters, with the descent's path.
      nudge                   Change one value and compare the loss's change with the
                              gradient's prediction.
      graph                   Write the computation graph as Graphviz DOT.
      quiz                    Work out each value yourself; the tutor judges it.
      explain                 The derivations behind the rules, checked numerically.
      new                     Write a worksheet for a network you describe.
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

    A value that differs gets its cause: a slip (the step does not follow from the
    document's own printed inputs), carried (it follows from an earlier value that
    differs), rounding (it follows from the document's rounded inputs), or
    truncated (the exact value cut, not rounded, to the printed digits).

    USAGE: backprop-tutor walk <example> [--round <n>] [--step] [--json] [--ascii]

    ARGUMENTS:
      <example>               A built-in example's name (see 'backprop-tutor list')
                              or the path of an example file.

    OPTIONS:
      --round <n>             Replay the calculation as done by hand: every value
                              rounded to <n> decimals before it is used.
      --step                  Pause after each line for Enter (q quits), for live
                              demos; on a pipe it does not pause.
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

  static let check = """
    OVERVIEW: Check hand calculations: print only the document values that differ,
    each with its cause, and a summary per file.

    Exit status: 0 when every document value agrees, 1 when any differs, 65 when a
    file is not a valid example (the other files are still checked), 66 when one
    cannot be read. Blank values ('doc NAME =' or 'doc NAME = ?') are skipped.

    USAGE: backprop-tutor check <example> ... [--round <n>] [--json] [--ascii]

    ARGUMENTS:
      <example>               Built-in names, example files, or folders (every
                              .txt file in the folder is checked).

    OPTIONS:
      --round <n>             Compare with the calculation done by hand, every value
                              rounded to <n> decimals before it is used.
      --json                  The walk's JSON for one file; an array for several.
      --ascii                 Use ASCII instead of Unicode symbols.
      -h, --help              Show help information.

    EXAMPLES:
      backprop-tutor check my-homework.txt
      backprop-tutor check submissions/ --round 4
    """

  static let new = """
    OVERVIEW: Write a worksheet: an example file for the network you describe, with
    a blank for every value of the forward pass, backward pass and update.

    The file passes 'check' as written; fill in the blanks and check it again.

    USAGE: backprop-tutor new [--layers <sizes>] [--activation <names>] [--biases <kind>]
                              [--fixed-biases] [--loss <loss>] [--rate <rate>]
                              [--inputs <values>] [--targets <values>] [--weights <values>]
                              [--bias-values <values>] [--title <text>] [--output <file>]

    OPTIONS:
      --layers <sizes>        Neurons per layer, inputs first (default: 2-2-1).
      --activation <names>    sigmoid, tanh, relu or none: one for every layer, or
                              one per layer after the inputs, comma-separated
                              (default: sigmoid).
      --biases <kind>         none, shared (one per layer, as in most handouts) or
                              per-neuron (default: shared).
      --fixed-biases          Biases are constants, not trained.
      --loss <loss>           half-squared, 1/2 (y - yhat)^2, or squared (default:
                              half-squared).
      --rate <rate>           The learning rate (default: 0.5).
      --inputs, --targets, --weights, --bias-values <values>
                              Starting values, comma-separated (defaults follow the
                              well-known 2-2-2 example: 0.05, 0.10; 0.01, 0.99;
                              0.15, 0.20, ...; 0.35, 0.60).
      --title <text>          The worksheet's title.
      --output <file>         Write the file (whole or not at all) instead of stdout.
      -h, --help              Show help information.

    EXAMPLES:
      backprop-tutor new --layers 2-2-1 --output homework.txt
      backprop-tutor new --layers 2-2-2 --fixed-biases --rate 0.5
    """

  static let train = """
    OVERVIEW: Run gradient descent from the example's start: a table of the step, the
    loss and the parameters, the final values, and a plot of the loss.

    Document values about training ('w1@1000', 'w1@converged') are checked with the
    same verdicts as 'walk'. A target the output can never reach (outside its
    activation's range) is pointed out, and so is a loss that has levelled off.

    USAGE: backprop-tutor train <example> [--steps <n>] [--every <k>] [--rate <rate>]
                                [--svg <file>] [--json] [--ascii]

    ARGUMENTS:
      <example>               A built-in example's name or an example file.

    OPTIONS:
      --steps <n>             How many steps (default: 100).
      --every <k>             Show every k-th step (default: a tenth of the steps).
      --rate <rate>           A learning rate instead of the file's.
      --svg <file>            Also write the loss curve as an SVG picture.
      --json                  The trajectory as JSON.
      --ascii                 Use ASCII instead of Unicode symbols.
      -h, --help              Show help information.

    EXAMPLES:
      backprop-tutor train simple-chain --steps 30
      backprop-tutor train handwritten-222 --steps 10000 --svg loss.svg
    """

  static let surface = """
    OVERVIEW: Map the loss over two trainable parameters as contours, with the path
    gradient descent takes down it. With more than two parameters it is a slice: the
    others are held at their starting values.

    USAGE: backprop-tutor surface <example> [--params <a,b>] [--steps <n>] [--rate <rate>]
                                  [--grid <n>] [--svg <file>] [--ascii]

    ARGUMENTS:
      <example>               A built-in example's name or an example file.

    OPTIONS:
      --params <a,b>          The two parameters (default: the first two).
      --steps <n>             Steps of gradient descent for the path (default: 1000).
      --rate <rate>           A learning rate instead of the file's.
      --grid <n>              Grid points per side for the SVG (default: 60).
      --svg <file>            Also write the map as an SVG picture.
      --ascii                 Use ASCII instead of Unicode symbols.
      -h, --help              Show help information.
    """

  static let nudge = """
    OVERVIEW: Change one input or parameter by <delta>: every quantity downstream
    before and after, the actual change of the loss against the change the gradient
    predicts (∂L/∂p · Δ), and how the two compare as Δ shrinks.

    USAGE: backprop-tutor nudge <example> <name> <delta> [--json] [--ascii]

    ARGUMENTS:
      <example>               A built-in example's name or an example file.
      <name>                  An input or parameter of the example.
      <delta>                 How much to change it by.

    OPTIONS:
      --json                  Print the result as JSON.
      --ascii                 Use ASCII instead of Unicode symbols.
      -h, --help              Show help information.

    EXAMPLES:
      backprop-tutor nudge simple-chain w2 0.1
      backprop-tutor nudge calculus-slope x 0.1
    """

  static let graph = """
    OVERVIEW: Write the computation graph as Graphviz DOT: each quantity with its
    formula, value and gradient, after the backward pass.

    USAGE: backprop-tutor graph <example> [--output <file>] [--ascii]

    ARGUMENTS:
      <example>               A built-in example's name or an example file.

    OPTIONS:
      --output <file>         Write to a file (whole or not at all) instead of stdout.
      --ascii                 Use ASCII instead of Unicode symbols.
      -h, --help              Show help information.

    EXAMPLES:
      backprop-tutor graph shared-bias | dot -Tsvg -o graph.svg
    """

  static let quiz = """
    OVERVIEW: Work out an example's values yourself, one at a time, in the order a
    lecture derives them; each answer is judged at the precision you type it (0.5933
    is right when the exact value rounds to it).

    A wrong answer gets a hint that narrows: the formula, then the formula with the
    numbers, then the answer. An answer that is right given your own earlier wrong
    answer is recognised as a carried error. At the prompt: a number, 'f' for the
    formula, 'h' for a hint, 's' to skip, 'q' to quit. Answers can be piped in; the end
    of input ends the quiz with the score so far.

    USAGE: backprop-tutor quiz <example> [--part <part>] [--ascii]

    ARGUMENTS:
      <example>               A built-in example's name or an example file.

    OPTIONS:
      --part <part>           forward, loss, backward, update, after or all (default).
      --ascii                 Use ASCII instead of Unicode symbols.
      -h, --help              Show help information.

    EXAMPLES:
      backprop-tutor quiz single-neuron --part backward
      printf '4\n2\n' | backprop-tutor quiz simple-chain
    """

  static let explain = """
    OVERVIEW: The derivations the handouts teach, each step checked numerically at a
    sample point (the engine's derivative, the formula and a central difference).
    Without a topic, lists the topics.

    USAGE: backprop-tutor explain [<topic>] [--ascii]

    ARGUMENTS:
      <topic>                 derivative, partial, chain-rule, loss, sigmoid, tanh,
                              relu, update or shared-bias.

    OPTIONS:
      --ascii                 Use ASCII instead of Unicode symbols.
      -h, --help              Show help information.
    """

  static let help = """
    OVERVIEW: Show help for a subcommand.

    USAGE: backprop-tutor help [<subcommand>]

    ARGUMENTS:
      <subcommand>            walk, check, new, train, surface, nudge, graph, quiz,
                              explain, list or help.

    OPTIONS:
      -h, --help              Show help information.
    """

  static func text(for command: String) -> String? {
    switch command {
    case "walk": walk
    case "list": list
    case "check": check
    case "train": train
    case "surface": surface
    case "nudge": nudge
    case "graph": graph
    case "quiz": quiz
    case "explain": explain
    case "new": new
    case "help": help
    default: nil
    }
  }
}
