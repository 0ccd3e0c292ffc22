import BackpropCore
import BackpropPresentation
import Foundation

/// `backprop-tutor walk NAME|PATH`: every value of an example next to the document's.
struct WalkCommand: Command {
  static let configuration = CommandConfiguration(
    name: "walk",
    abstract: "Replay an example: every value, derivative and update, next to the document's value, with a verdict.",
    discussion: [
      "Prints the givens, the forward pass, the loss, the backward pass (each local derivative and each chain-rule product), "
        + "the update, the forward pass after the update, and the document's other values, then a summary. A document value "
        + "agrees when the exact value, rounded to the digits the document printed, equals it; otherwise it differs, and "
        + "the line shows by how much.",
      "A value that differs gets its cause: a slip (the step does not follow from the document's own printed inputs), "
        + "carried (it follows from an earlier value that differs), rounding (it follows from the document's rounded "
        + "inputs), or truncated (the exact value cut, not rounded, to the printed digits).",
    ],
    arguments: [
      ArgumentDeclaration(
        name: "example", help: "A built-in example's name (see 'backprop-tutor list') or the path of an example file.")
    ],
    options: [
      .option("round", value: "n", kind: .decimals(0...12), help: Self.roundHelp),
      .flag("step", help: "Pause after each line for Enter (q quits), for live demos; on a pipe it does not pause."),
      SharedOptions.json(help: "Print one JSON object (schema in README.md)."),
      .option(
        "html", value: "file",
        help: "Write the walk as one web page, the graph beside the steps, to step through with the arrow keys (works offline)."),
      SharedOptions.force(),
      SharedOptions.ascii(help: "Use ASCII instead of Unicode symbols (dL/dw1, yhat)."),
    ],
    examples: ["backprop-tutor walk simple-chain", "backprop-tutor walk my-homework.txt --ascii"])

  static let roundHelp = "Replay the calculation as done by hand: every value rounded to <n> decimals before it is used."

  var target: String
  var json: Bool
  var rounding: Int?
  var step: Bool
  var force: Bool
  var terminal: Terminal
  /// `--html`: the page to write instead of printing the walk.
  var html: String?

  init(_ arguments: ParsedArguments) throws {
    target = arguments.positionals[0]
    json = arguments.shared.json
    rounding = arguments.integer("round")
    step = arguments.flag("step")
    force = arguments.flag("force")
    terminal = arguments.shared.terminal
    html = arguments.text("html")
    if html != nil, json || step {
      throw Failure.usage("'--html' cannot be combined with '\(json ? "--json" : "--step")'", command: "walk")
    }
  }

  /// The page's text; an example whose graph cannot be evaluated is a data error (65).
  static func render(_ page: WalkPage) throws -> String {
    do {
      return try page.render()
    } catch let error as ExampleError {
      throw Failure.data(error)
    }
  }

  /// `--step` pauses only when a person is there to press Enter: stdin and stdout a terminal.
  var pauses: Bool { step && !json && isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 }

  func run() throws -> Int32 {
    if let html { try FileOutput.check(html, kind: .html, force: force) }
    let walkthrough = try ExampleLoader.walk(target, command: "walk", rounding: rounding)
    var output = Output()
    if let html {
      let page = WalkPage(walkthrough: walkthrough, name: target, notation: terminal.notation)
      try FileOutput.write(try Self.render(page), to: html, kind: .html, force: force)
      Console.err(WalkPage.wroteMessage(html))
      return 0
    } else if json {
      output.line(WalkJSON.render(walkthrough, name: target).rendered())
    } else if pauses {
      for piece in WalkText(walkthrough: walkthrough, name: target, terminal: terminal).pieces() {
        Console.out((piece.text + (piece.pauses ? "" : "\n")))
        guard piece.pauses else { continue }
        Console.out(terminal.dim("   [Enter, q to quit]"))
        let answer = readLine(strippingNewline: true)
        // Erase the prompt line the answer left behind.
        Console.out("\u{1B}[1A\r\u{1B}[K")
        Console.out(piece.text.split(separator: "\n", omittingEmptySubsequences: false).last.map(String.init) ?? "")
        Console.out("\n")
        if answer == nil || answer?.lowercased() == "q" { return 0 }
      }
      return 0
    } else {
      WalkText(walkthrough: walkthrough, name: target, terminal: terminal).render(into: &output)
    }
    output.write()
    return 0
  }
}
