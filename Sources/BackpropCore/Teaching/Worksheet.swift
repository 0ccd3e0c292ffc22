/// A ready example file for a network a student describes, with a blank for every
/// number a lecture would have them work out.
///
/// Names follow the seeds: inputs x1, x2; weights w1, w2, ... numbered layer by
/// layer, neuron by neuron, in input order (z_h1 = x1·w1 + x2·w2 + b1); hidden
/// neurons z_h1 and a_h1; one output z_out and yhat, or several z_o1 and out_o1
/// with errors E_1, E_2 summed into L.
public struct Worksheet: Sendable {
  /// The function a layer's neurons apply to their weighted sum.
  public enum Activation: String, Sendable, CaseIterable {
    /// σ(z), tanh(z), relu(z) = max(0, z), or none: a linear layer.
    case sigmoid, tanh, relu, none
  }

  /// How many biases the network has.
  public enum Biases: String, Sendable, CaseIterable {
    /// No biases.
    case none
    /// One bias per layer, shared by its neurons (b1, b2, as in the seeds).
    case shared
    /// One bias per neuron.
    case perNeuron = "per-neuron"
  }

  /// The loss over the outputs.
  public enum Loss: String, Sendable, CaseIterable {
    /// ½(y − ŷ)², summed over outputs.
    case halfSquared = "half-squared"
    /// (y − ŷ)², summed over outputs.
    case squared
  }

  /// Neurons per layer, inputs first: [2, 2, 1].
  public var layers: [Int]
  /// One per layer after the inputs.
  public var activations: [Activation]
  /// One bias per layer (b1, b2, shared by its neurons), one per neuron, or none.
  public var biases: Biases = .shared
  /// Whether the biases are trainable parameters (`param`) or constants (`const`).
  public var trainBiases = true
  /// The loss the worksheet's L is.
  public var loss: Loss = .halfSquared
  /// The learning rate α, written `LR` in the file.
  public var rate = 0.5
  /// The inputs x1, x2, ...; `nil` for 0.05, 0.10, 0.15, ...
  public var inputs: [Double]?
  /// The targets, one per output; `nil` for 0.01, 0.99, 0.01, ...
  public var targets: [Double]?
  /// The starting weights w1, w2, ..., in naming order; `nil` for 0.15, 0.20, 0.25, ... with
  /// one step left out after each layer, where the well-known 2-2-2 example has its bias:
  /// w1–w4 = 0.15–0.30 (b1 = 0.35), w5–w8 = 0.40–0.55 (b2 = 0.60).
  public var weights: [Double]?
  /// The starting biases b1, b2, ...; `nil` for 0.35, 0.60, 0.85, ...
  public var biasValues: [Double]?
  /// The file's `title:`; `nil` for one naming the shape and activations.
  public var title: String?

  /// A worksheet for a network of `layers` sizes (inputs first) and one activation per
  /// layer after the inputs, with the other choices at their defaults.
  public init(layers: [Int], activations: [Activation]) {
    self.layers = layers
    self.activations = activations
  }

  /// What is wrong with the description, if anything.
  public func problem() -> String? {
    if layers.count < 2 { return "a network needs at least two layers (inputs and outputs), such as 2-2-1" }
    if layers.contains(where: { $0 < 1 || $0 > 16 }) { return "each layer has from 1 to 16 neurons" }
    if layers.count > 6 { return "at most 6 layers: a worksheet is worked by hand" }
    if activations.count != layers.count - 1 {
      return "give one activation, or one per layer after the inputs (\(layers.count - 1))"
    }
    for (name, values, count) in [
      ("inputs", inputs, layers[0]), ("targets", targets, layers.last!), ("weights", weights, weightCount),
      ("biases", biasValues, biasCount),
    ] {
      if let values, values.count != count { return "--\(name) needs \(count) values, not \(values.count)" }
    }
    if !rate.isFinite || rate <= 0 { return "the learning rate must be a positive number" }
    return nil
  }

  var weightCount: Int { zip(layers, layers.dropFirst()).map { $0 * $1 }.reduce(0, +) }

  /// 0.15, 0.20, ... in hundredths, skipping one step after each layer's weights: the well-known
  /// 2-2-2 example's w1–w4 = 0.15–0.30, then w5–w8 = 0.40–0.55 (its b1 = 0.35 sits in the gap).
  var defaultWeights: [Double] {
    var weights: [Double] = []
    var step = 0
    for (inputs, outputs) in zip(layers, layers.dropFirst()) {
      for _ in 0..<(inputs * outputs) {
        weights.append(Double(15 + 5 * step) / 100)
        step += 1
      }
      step += 1
    }
    return weights
  }

  var biasCount: Int {
    switch biases {
    case .none: 0
    case .shared: layers.count - 1
    case .perNeuron: layers.dropFirst().reduce(0, +)
    }
  }

  /// The example file's text: declarations, equations, and a blank `doc` line for
  /// every value of the walk (forward, loss, backward, update, after the update).
  public func text() throws -> String {
    var lines: [String] = []
    let shape = layers.map(String.init).joined(separator: "-")
    lines.append("# A worksheet for a \(shape) network: fill in each blank with your number,")
    lines.append("# then run 'backprop-tutor check' on this file. Blanks are skipped.")
    lines.append("title:  \(title ?? "Worksheet: \(shape) network, \(activations.map(\.rawValue).joined(separator: "/")) activations")")
    lines.append("source: backprop-tutor new")
    lines.append("")
    let network = declarations()
    lines += network
    let example = try ExampleParser.parse(network.joined(separator: "\n"), file: "worksheet.txt")
    var section: Step.Section?
    for line in try ValidatedExample(example).steps where line.kind != .given {
      if line.section != section {
        section = line.section
        lines.append("")
        lines.append("# \(Self.headings[line.section]!)")
      }
      lines.append("doc \(Notation.ascii.render(line.quantity)) = ")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  static let headings: [Step.Section: String] = [
    .forward: "Forward pass", .loss: "Loss", .backward: "Backward pass: local derivatives and the chain rule",
    .update: "Update", .afterUpdate: "Forward pass after the update", .experiments: "Other values",
  ]

  /// The network part: givens and forward equations.
  func declarations() -> [String] {
    var lines: [String] = []
    // Hundredths, divided once, so that the defaults are written without noise (0.3, not 0.30000000000000004).
    let inputs = self.inputs ?? (0..<layers[0]).map { Double(5 * ($0 + 1)) / 100 }
    let targets = self.targets ?? (0..<layers.last!).map { $0 % 2 == 0 ? 0.01 : 0.99 }
    let weights = self.weights ?? defaultWeights
    let biasValues = self.biasValues ?? (0..<biasCount).map { Double(35 + 25 * $0) / 100 }
    let outputs = layers.last!
    let hiddenLayers = layers.count - 2
    func hidden(_ layer: Int, _ neuron: Int) -> String {
      hiddenLayers == 1 ? "h\(neuron)" : "h\(layer)_\(neuron)"
    }
    func output(_ neuron: Int) -> (z: String, a: String, target: String) {
      outputs == 1 ? ("z_out", "yhat", "y") : ("z_o\(neuron)", "out_o\(neuron)", "y\(neuron)")
    }
    for (i, value) in inputs.enumerated() { lines.append("input  x\(i + 1) = \(Readable.shortest(value))") }
    for j in 0..<outputs { lines.append("target \(output(j + 1).target) = \(Readable.shortest(targets[j]))") }
    for (k, value) in weights.enumerated() { lines.append("param  w\(k + 1) = \(Readable.shortest(value))") }
    var biasNames: [String] = []
    switch biases {
    case .none: break
    case .shared: biasNames = (1..<layers.count).map { "b\($0)" }
    case .perNeuron:
      for layer in 1..<layers.count {
        for neuron in 1...layers[layer] {
          biasNames.append(layer == layers.count - 1 ? (outputs == 1 ? "b_out" : "b_o\(neuron)") : "b_\(hidden(layer, neuron))")
        }
      }
    }
    for (name, value) in zip(biasNames, biasValues) {
      lines.append("\(trainBiases ? "param " : "const ") \(name) = \(Readable.shortest(value))")
    }
    lines.append("rate   LR = \(Readable.shortest(rate))")
    lines.append("")
    var previous = (1...layers[0]).map { "x\($0)" }
    var weight = 1
    var bias = 0
    for layer in 1..<layers.count {
      var current: [String] = []
      for neuron in 1...layers[layer] {
        let isOutput = layer == layers.count - 1
        let (z, a) = isOutput ? (output(neuron).z, output(neuron).a) : ("z_\(hidden(layer, neuron))", "a_\(hidden(layer, neuron))")
        var terms: [String] = []
        for input in previous {
          terms.append("\(input)*w\(weight)")
          weight += 1
        }
        switch biases {
        case .none: break
        case .shared: terms.append(biasNames[layer - 1])
        case .perNeuron:
          terms.append(biasNames[bias])
          bias += 1
        }
        lines.append("\(z) = \(terms.joined(separator: " + "))")
        let activation = activations[layer - 1]
        lines.append(activation == .none ? "\(a) = \(z)" : "\(a) = \(activation.rawValue)(\(z))")
        current.append(a)
      }
      previous = current
    }
    let square = loss == .halfSquared ? "1/2 * " : ""
    if outputs == 1 {
      lines.append("L = \(square)(y - yhat)^2")
    } else {
      for j in 1...outputs {
        lines.append("E_\(j) = \(square)(\(output(j).target) - \(output(j).a))^2")
      }
      lines.append("L = " + (1...outputs).map { "E_\($0)" }.joined(separator: " + "))
    }
    lines.append("loss L")
    return lines
  }
}
