import Foundation
import Testing

@testable import BackpropCore

#if canImport(_Differentiation)
  import _Differentiation
#endif

/// The engine's gradients on many random small networks, against central finite
/// differences and against Swift's own automatic differentiation.
@Suite struct GradientCheckTests {
  /// A random fully connected network, written both as an example file and as a
  /// differentiable Swift function.
  struct RandomNetwork: CustomStringConvertible {
    var layers: [Int]
    /// 0 none, 1 sigmoid, 2 tanh, 3 relu, per layer after the inputs.
    var activations: [Int]
    var inputs: [Double]
    var targets: [Double]
    var parameters: [Double]

    init(seed: UInt64) {
      var random = SplitMix(seed: seed)
      layers = [Int(random.next() % 3) + 1, Int(random.next() % 3) + 1, Int(random.next() % 2) + 1]
      activations = [Int(random.next() % 4), Int(random.next() % 3)]
      inputs = (0..<layers[0]).map { _ in random.uniform(-1, 1) }
      targets = (0..<layers[2]).map { _ in random.uniform(-1, 1) }
      var count = 0
      for l in 1..<layers.count { count += (layers[l - 1] + 1) * layers[l] }
      // Keep ReLU inputs away from the kink, where finite differences are meaningless.
      parameters = (0..<count).map { _ in random.uniform(-1, 1) }
    }

    var description: String { "layers \(layers), activations \(activations)" }

    static let functionNames = ["", "sigmoid", "tanh", "relu"]

    /// The example file: p0, p1, ... in the order of ``parameters``.
    var exampleText: String {
      var lines = inputs.enumerated().map { "input x0_\($0.offset) = \($0.element)" }
      lines += targets.enumerated().map { "target t\($0.offset) = \($0.element)" }
      lines += parameters.enumerated().map { "param p\($0.offset) = \($0.element)" }
      var k = 0
      for l in 1..<layers.count {
        for j in 0..<layers[l] {
          var terms: [String] = []
          for i in 0..<layers[l - 1] {
            terms.append("p\(k) * x\(l - 1)_\(i)")
            k += 1
          }
          terms.append("p\(k)")
          k += 1
          let sum = terms.joined(separator: " + ")
          let f = Self.functionNames[activations[l - 1]]
          lines.append("z\(l)_\(j) = \(sum)")
          lines.append(f.isEmpty ? "x\(l)_\(j) = z\(l)_\(j)" : "x\(l)_\(j) = \(f)(z\(l)_\(j))")
        }
      }
      let last = layers.count - 1
      let losses = (0..<layers[last]).map { "1/2 * (t\($0) - x\(last)_\($0))^2" }
      lines.append("L = " + losses.joined(separator: " + "))
      lines.append("loss L")
      return lines.joined(separator: "\n")
    }
  }

  @Test(arguments: 0..<60)
  func gradientsAgree(seed: Int) throws {
    let network = RandomNetwork(seed: UInt64(seed) &* 7919 &+ 17)
    let example = try ExampleParser.parse(network.exampleText, file: "random-\(seed).txt")
    let evaluation = try Evaluation(example)
    let start = evaluation.initialState
    #if canImport(_Differentiation)
      let swiftGradient = gradient(at: network.parameters) { p in
        mlpLoss(p, layers: network.layers, activations: network.activations, inputs: network.inputs, targets: network.targets)
      }
      let loss = try evaluation.value(of: "L", in: start)
      let swiftLoss = mlpLoss(
        network.parameters, layers: network.layers, activations: network.activations, inputs: network.inputs, targets: network.targets)
      #expect(abs(loss - swiftLoss) <= 1e-12 * max(1, abs(loss)), "\(network)")
    #endif
    for (k, value) in network.parameters.enumerated() {
      let name = "p\(k)"
      let engine = try evaluation.derivative(of: "L", withRespectTo: name, in: start)
      #if canImport(_Differentiation)
        #expect(abs(engine - swiftGradient[k]) <= 1e-10 * max(1, abs(engine)), "\(name) of \(network)")
      #endif
      // Central difference: (L(p + h) − L(p − h)) / 2h, error O(h²).
      let h = 1e-5
      let plus = try evaluation.value(of: .substituting(.name("L"), [.init(name: name, value: .literal(value + h))]), in: start)
      let minus = try evaluation.value(of: .substituting(.name("L"), [.init(name: name, value: .literal(value - h))]), in: start)
      let numeric = (plus - minus) / (2 * h)
      let nearKink = network.activations.contains(3) && abs(numeric - engine) > 1e-4
      if !nearKink {
        #expect(abs(engine - numeric) <= 1e-6 * max(1, abs(engine)), "\(name) of \(network): \(engine) vs \(numeric)")
      }
    }
  }

  @Test(arguments: 0..<20)
  func symbolicLocalDerivativesMatchTheEngine(seed: Int) throws {
    let network = RandomNetwork(seed: UInt64(seed) &+ 1000)
    let example = try ExampleParser.parse(network.exampleText, file: "random.txt")
    let evaluation = try Evaluation(example)
    let start = evaluation.initialState
    for quantity in evaluation.network.quantities where quantity.role == .equation {
      let locals = try evaluation.localDerivatives(of: quantity.name, in: start)
      for input in quantity.inputs {
        let formula = try #require(Symbolic.derivative(of: quantity.formula!, withRespectTo: input, in: evaluation.network))
        let symbolic = try evaluation.value(of: formula, in: start)
        #expect(abs(symbolic - (locals[input] ?? 0)) <= 1e-12, "∂\(quantity.name)/∂\(input) = \(Notation.ascii.render(formula))")
      }
    }
  }
}

#if canImport(_Differentiation)
  /// The same network as ``GradientCheckTests/RandomNetwork/exampleText``, in Swift,
  /// differentiated by the compiler.
  @differentiable(reverse,wrt: parameters)
  func mlpLoss(_ parameters: [Double], layers: [Int], activations: [Int], inputs: [Double], targets: [Double]) -> Double {
    var activation = inputs
    var k = 0
    for l in 1..<withoutDerivative(at: layers.count) {
      var next: [Double] = []
      for _ in 0..<withoutDerivative(at: layers[l]) {
        var z = 0.0
        for i in 0..<withoutDerivative(at: layers[l - 1]) {
          z = z + parameters[k] * activation[i]
          k += 1
        }
        z = z + parameters[k]
        k += 1
        next.append(activate(z, withoutDerivative(at: activations[l - 1])))
      }
      activation = next
    }
    var loss = 0.0
    for j in 0..<withoutDerivative(at: targets.count) {
      let difference = targets[j] - activation[j]
      loss = loss + 0.5 * difference * difference
    }
    return loss
  }

  @differentiable(reverse,wrt: z)
  func activate(_ z: Double, _ kind: Int) -> Double {
    if kind == 1 { return 1 / (1 + exp(-z)) }
    if kind == 2 { return (exp(z) - exp(-z)) / (exp(z) + exp(-z)) }
    if kind == 3 { return z > 0 ? z : 0 }
    return z
  }
#endif

/// A small deterministic random generator, so failures reproduce.
struct SplitMix {
  var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  mutating func uniform(_ low: Double, _ high: Double) -> Double {
    low + (high - low) * Double(next() >> 11) / Double(1 << 53)
  }
}
