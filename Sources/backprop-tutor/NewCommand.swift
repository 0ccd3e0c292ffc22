import BackpropCore
import Foundation

/// `backprop-tutor new`: a worksheet for a network a student describes.
struct NewCommand {
  var worksheet: Worksheet
  var output: String?

  init(_ arguments: [String]) throws {
    let parsed = try Arguments(
      arguments, command: "new", flags: ["fixed-biases"],
      options: ["layers", "activation", "biases", "loss", "rate", "inputs", "targets", "weights", "bias-values", "title", "output"])
    if let extra = parsed.positionals.first {
      throw Failure.usage("unexpected argument '\(extra)'", command: "new")
    }
    let layerText = parsed.options["layers"] ?? "2-2-1"
    let layers = layerText.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
    guard !layers.contains(nil), layers.count >= 2 else {
      throw Failure.usage("'--layers' takes sizes joined by '-', such as 2-2-1, not '\(layerText)'", command: "new")
    }
    let activationNames = (parsed.options["activation"] ?? "sigmoid").split(separator: ",").map(String.init)
    var activations: [Worksheet.Activation] = []
    for name in activationNames {
      guard let activation = Worksheet.Activation(rawValue: name.lowercased()) else {
        throw Failure.usage("unknown activation '\(name)' (sigmoid, tanh, relu or none)", command: "new")
      }
      activations.append(activation)
    }
    if activations.count == 1 { activations = Array(repeating: activations[0], count: layers.count - 1) }
    worksheet = Worksheet(layers: layers.map { $0! }, activations: activations)
    if let biases = parsed.options["biases"] {
      guard let value = Worksheet.Biases(rawValue: biases) else {
        throw Failure.usage("'--biases' is none, shared or per-neuron, not '\(biases)'", command: "new")
      }
      worksheet.biases = value
    }
    worksheet.trainBiases = !parsed.flags.contains("fixed-biases")
    if let loss = parsed.options["loss"] {
      guard let value = Worksheet.Loss(rawValue: loss) else {
        throw Failure.usage("'--loss' is half-squared or squared, not '\(loss)'", command: "new")
      }
      worksheet.loss = value
    }
    if let rate = parsed.options["rate"] {
      guard let value = Double(rate) else { throw Failure.usage("'--rate' takes a number, not '\(rate)'", command: "new") }
      worksheet.rate = value
    }
    func numbers(_ option: String) throws -> [Double]? {
      guard let text = parsed.options[option] else { return nil }
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
    worksheet.title = parsed.options["title"]
    output = parsed.options["output"]
    if let problem = worksheet.problem() { throw Failure.usage(problem, command: "new") }
  }

  func run() throws {
    let text: String
    do {
      text = try worksheet.text()
    } catch let error as ExampleError {
      throw Failure.data(error)
    }
    guard let output else {
      Console.out(text)
      return
    }
    try FileOutput.write(text, to: output)
    Console.err("Wrote \(output): fill in the blanks, then run 'backprop-tutor check \(output)'.\n")
  }
}
