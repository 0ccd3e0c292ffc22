import BackpropCore
import Foundation

/// The worked examples of `Examples/`, compiled into the binary.
///
/// SwiftPM's `.embedInCode` turns each file into bytes in the binary, so a built
/// `backprop-tutor` copied anywhere still has them (a resource bundle would not
/// travel with it). A test checks that this list and the folder hold the same files.
public enum BuiltinExamples {
  /// Each example's name (its file name without `.txt`) and its file's bytes,
  /// in the order `list` shows them: the calculus warm-ups, then the networks, then the
  /// classic examples of well-known courses and books.
  public static let all: [(name: String, bytes: [UInt8])] = [
    ("calculus-slope", PackageResources.calculus_slope_txt),
    ("calculus-partials", PackageResources.calculus_partials_txt),
    ("calculus-chain", PackageResources.calculus_chain_txt),
    ("descent-direction", PackageResources.descent_direction_txt),
    ("simple-chain", PackageResources.simple_chain_txt),
    ("sigmoid-hidden", PackageResources.sigmoid_hidden_txt),
    ("shared-bias", PackageResources.shared_bias_txt),
    ("single-neuron", PackageResources.single_neuron_txt),
    ("handwritten-222", PackageResources.handwritten_222_txt),
    ("sum-of-inputs", PackageResources.sum_of_inputs_txt),
    ("cs231n-circuit", PackageResources.cs231n_circuit_txt),
    ("cs231n-neuron", PackageResources.cs231n_neuron_txt),
    ("tanh-neuron", PackageResources.tanh_neuron_txt),
    ("bce-neuron", PackageResources.bce_neuron_txt),
    ("softmax-ce", PackageResources.softmax_ce_txt),
  ]

  /// The names, in order.
  public static var names: [String] { all.map(\.name) }

  /// The file of the example called `name`, or `nil`.
  public static func bytes(named name: String) -> [UInt8]? {
    all.first { $0.name == name }?.bytes
  }

  /// Parses the example called `name`; its messages name it `name.txt`.
  public static func example(named name: String) throws -> Example? {
    guard let bytes = bytes(named: name) else { return nil }
    return try ExampleParser.parse(Data(bytes), file: "\(name).txt")
  }
}
