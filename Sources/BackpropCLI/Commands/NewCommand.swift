import BackpropCore
import BackpropPresentation
import Foundation

/// `backprop-tutor new`: a worksheet for a network a student describes.
struct NewCommand: Command {
  static let configuration = CommandConfiguration(
    name: "new",
    abstract: "Write a worksheet for a network you describe.",
    overview:
      "Write a worksheet: an example file for the network you describe, with a blank for every value of the forward pass, "
      + "backward pass and update.",
    discussion: ["The file passes 'check' as written; fill in the blanks and check it again."],
    options: [
      .option("layers", value: "sizes", help: "Neurons per layer, inputs first.", default: "2-2-1"),
      .option(
        "activation", value: "names",
        help: "sigmoid, tanh, relu or none: one for every layer, or one per layer after the inputs, comma-separated.",
        default: "sigmoid"),
      .option(
        "biases", value: "kind", help: "none, shared (one per layer, as in most handouts) or per-neuron.", default: "shared"),
      .flag("fixed-biases", help: "Biases are constants, not trained."),
      .option("loss", value: "loss", help: "half-squared, 1/2 (y - yhat)^2, or squared.", default: "half-squared"),
      .option("rate", value: "rate", kind: .number, help: "The learning rate.", default: "0.5"),
      .option(
        "inputs", "targets", "weights", "bias-values", value: "values",
        help: "Starting values, comma-separated (defaults follow the well-known 2-2-2 example: 0.05, 0.10; 0.01, 0.99; "
          + "0.15-0.30, 0.40-0.55, ... by layer; 0.35, 0.60)."),
      .option("title", value: "text", help: "The worksheet's title: one line of text, without '#'."),
      .option("output", value: "file", help: "Write the file (whole or not at all) instead of stdout; never over an existing file."),
      .flag("force", help: "With --output: replace an existing file (a filled-in worksheet is lost)."),
      .option(
        "from", value: "key",
        help: "Write the worksheet from a teacher's answer key instead: its network, with every 'doc' value blank "
          + "(the network options above do not apply)."),
      .option(
        "keep", value: "names", help: "With --from: 'doc' values to keep filled in as givens, comma-separated (as the key writes them)."),
      .option(
        "variant", value: "n", kind: .wholeNumber(0...1_000_000_000),
        help: "With --from: other givens for student <n> (the same <n> gives the same numbers on every machine); "
          + "'check --key' reads the number from the worksheet."),
    ],
    examples: [
      "backprop-tutor new --layers 2-2-1 --output homework.txt", "backprop-tutor new --layers 2-2-2 --fixed-biases --rate 0.5",
      "backprop-tutor new --from key.txt --variant 7 --output student7.txt",
    ])

  var worksheet: Worksheet
  var output: String?
  var force: Bool
  /// `--from`, `--keep` and `--variant`: a worksheet from a teacher's answer key.
  var fromKey: (key: String, keep: [String], variant: Int?)?

  init(_ parsed: ParsedArguments) throws {
    output = parsed.text("output")
    force = parsed.flag("force")
    fromKey = try Self.fromKey(parsed)
    let layerText = parsed.text("layers")!
    let layers = layerText.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
    guard !layers.contains(nil), layers.count >= 2 else {
      throw Failure.usage("'--layers' takes sizes joined by '-', such as 2-2-1, not '\(layerText)'", command: "new")
    }
    let activationNames = parsed.text("activation")!.split(separator: ",").map(String.init)
    var activations: [Worksheet.Activation] = []
    for name in activationNames {
      guard let activation = Worksheet.Activation(rawValue: name.lowercased()) else {
        throw Failure.usage("unknown activation '\(name)' (sigmoid, tanh, relu or none)", command: "new")
      }
      activations.append(activation)
    }
    if activations.count == 1 { activations = Array(repeating: activations[0], count: layers.count - 1) }
    worksheet = Worksheet(layers: layers.map { $0! }, activations: activations)
    let biases = parsed.text("biases")!
    guard let biasKind = Worksheet.Biases(rawValue: biases) else {
      throw Failure.usage("'--biases' is none, shared or per-neuron, not '\(biases)'", command: "new")
    }
    worksheet.biases = biasKind
    worksheet.trainBiases = !parsed.flag("fixed-biases")
    let loss = parsed.text("loss")!
    guard let lossKind = Worksheet.Loss(rawValue: loss) else {
      throw Failure.usage("'--loss' is half-squared or squared, not '\(loss)'", command: "new")
    }
    worksheet.loss = lossKind
    worksheet.rate = parsed.number("rate")!
    func numbers(_ option: String) throws -> [Double]? {
      guard let text = parsed.text(option) else { return nil }
      let values = text.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
      guard !values.isEmpty, values.allSatisfy({ $0?.isFinite == true }) else {
        throw Failure.usage("'--\(option)' takes numbers separated by commas, not '\(text)'", command: "new")
      }
      return values.map { $0! }
    }
    worksheet.inputs = try numbers("inputs")
    worksheet.targets = try numbers("targets")
    worksheet.weights = try numbers("weights")
    worksheet.biasValues = try numbers("bias-values")
    worksheet.title = try Self.title(parsed.text("title"))
    output = parsed.text("output")
    force = parsed.flag("force")
    if let problem = worksheet.problem() { throw Failure.usage(problem, command: "new") }
  }

  /// The `--title` as the worksheet's `title:` line takes it: one line, not blank, with no control
  /// characters (a newline would start a statement of its own), no bidirectional controls and no
  /// '#' (the file format has no way to escape a comment sign).
  static func title(_ text: String?) throws -> String? {
    guard let text else { return nil }
    let bidirectional: [ClosedRange<UInt32>] = [0x061C...0x061C, 0x200E...0x200F, 0x202A...0x202E, 0x2066...0x2069]
    for scalar in text.unicodeScalars {
      let category = scalar.properties.generalCategory
      if category == .control || category == .lineSeparator || category == .paragraphSeparator
        || bidirectional.contains(where: { $0.contains(scalar.value) })
      {
        let code = "U+" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)
        throw Failure.usage("'--title' is one line of text, without control characters (it has \(code))", command: "new")
      }
    }
    if text.contains("#") {
      throw Failure.usage("'--title' cannot hold '#': in a worksheet, '#' starts a comment", command: "new")
    }
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    guard !trimmed.isEmpty else { throw Failure.usage("'--title' is blank; give a title, or leave the option out", command: "new") }
    return trimmed
  }

  func run() throws -> Int32 {
    if let output { try FileOutput.check(output, kind: .worksheet, force: force) }
    let text: String
    var nothingToFillIn = false
    do {
      if let fromKey {
        (text, nothingToFillIn) = try Self.worksheet(fromKey)
      } else {
        text = try worksheet.text()
      }
    } catch let error as ExampleError {
      throw Failure.data(error)
    }
    guard let output else {
      Console.out(text)
      if nothingToFillIn { Console.err(Self.nothingToFillIn) }
      return 0
    }
    try FileOutput.write(text, to: output, kind: .worksheet, force: force)
    if nothingToFillIn { Console.err(Self.nothingToFillIn) }
    Console.err("Wrote \(output): " + Self.nextStep(output: output, key: fromKey?.key))
    return 0
  }
}

extension NewCommand {
  /// The warning for a key with no `doc` lines, whose worksheet has no blanks.
  static let nothingToFillIn = "Warning: the key has no doc lines: the worksheet has nothing to fill in\n"

  /// What to do with the worksheet written to `output`, the command with every file name a
  /// word a shell reads as one (`'my sheet.txt'`): in quotes, or on a line of its own when a
  /// name is quoted.
  static func nextStep(output: String, key: String?) -> String {
    let arguments = ["backprop-tutor", "check"] + (key.map { ["--key", $0] } ?? []) + [output]
    let words = arguments.map(Escaping.posixShellWord)
    let command = words.joined(separator: " ")
    let lead = key == nil ? "fill in the blanks, then run" : "hand it out, then check it with"
    return words == arguments ? "\(lead) '\(command)'.\n" : "\(lead):\n  \(command)\n"
  }
}
