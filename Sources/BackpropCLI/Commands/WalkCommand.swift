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
      .option(
        "format", value: "format", kind: .choice(Self.handoutFormats),
        help: "Write the worked solution as a handout: markdown (for GitHub) or latex (for pdflatex)."),
      .flag("with-document", help: "With --format: the document's values, verdicts and causes next to each step."),
      .flag("blanks", help: "With --format: a worksheet, each step with empty boxes to fill in."),
      .option("output", value: "file", help: "With --format: write the handout to a file (whole or not at all) instead of stdout."),
      SharedOptions.force(),
      SharedOptions.ascii(help: "Use ASCII instead of Unicode symbols (dL/dw1, yhat)."),
    ],
    examples: [
      "backprop-tutor walk simple-chain", "backprop-tutor walk my-homework.txt --ascii",
      "backprop-tutor walk handwritten-222 --format latex --output handout.tex",
    ])

  /// The handout formats `--format` takes.
  static let handoutFormats = ["markdown", "latex"]

  static let roundHelp = "Replay the calculation as done by hand: every value rounded to <n> decimals before it is used."

  var target: String
  var json: Bool
  var rounding: Int?
  var step: Bool
  var force: Bool
  var terminal: Terminal
  /// `--format`: the handout's format, if one is asked for.
  var format: String?
  /// `--with-document` or `--blanks`: which handout.
  var handoutVersion: Handout.Version
  /// `--output`: the handout's file; stdout without it.
  var output: String?
  /// `--html`: the page to write instead of printing the walk.
  var html: String?

  init(_ arguments: ParsedArguments) throws {
    target = arguments.positionals[0]
    json = arguments.shared.json
    rounding = arguments.integer("round")
    step = arguments.flag("step")
    force = arguments.flag("force")
    terminal = arguments.shared.terminal
    format = arguments.text("format")
    output = arguments.text("output")
    let withDocument = arguments.flag("with-document")
    let blanks = arguments.flag("blanks")
    handoutVersion = withDocument ? .withDocument : blanks ? .blanks : .solution
    if format != nil {
      if json { throw arguments.usage("'--json' and '--format' cannot be used together: choose JSON or a handout") }
      if step { throw arguments.usage("'--step' pauses on a terminal; it cannot be used with '--format'") }
      if withDocument && blanks {
        throw arguments.usage("'--blanks' and '--with-document' cannot be used together: a worksheet shows no answers")
      }
    } else {
      let given = [("with-document", withDocument), ("blanks", blanks), ("output", output != nil)]
      if let (option, _) = given.first(where: \.1) {
        throw arguments.usage("'--\(option)' needs '--format markdown' or '--format latex'")
      }
    }
    html = arguments.text("html")
    if html != nil, json || step || format != nil {
      let other = json ? "--json" : step ? "--step" : "--format"
      throw arguments.usage("'--html' cannot be combined with '\(other)'")
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
    if let format { return try writeHandout(format: format) }
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

  /// `--format`: the handout on stdout, or in `--output`'s file.
  private func writeHandout(format: String) throws -> Int32 {
    let kind: FileOutput.Kind = format == "latex" ? .latex : .markdown
    if let output { try FileOutput.check(output, kind: kind, force: force) }
    let walkthrough = try ExampleLoader.walk(target, command: "walk", rounding: rounding)
    let handout = Handout(walkthrough: walkthrough, name: target, version: handoutVersion, ascii: terminal.ascii)
    let text = kind == .latex ? handout.latex() : handout.markdown()
    guard let output else {
      Console.out(text)
      return 0
    }
    try FileOutput.write(text, to: output, kind: kind, force: force)
    Console.err(
      "Wrote \(Escaping.terminal(output))" + (kind == .latex ? ": compile it with 'pdflatex \(Escaping.terminal(output))'.\n" : ".\n"))
    return 0
  }
}
