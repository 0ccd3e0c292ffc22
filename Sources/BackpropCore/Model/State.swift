/// The values of a network's leaves: the example's own values, or those after an
/// update, after training, or with some leaves set to other values.
///
/// Addressed by ``LeafID``, never by position, so no code depends on the order in
/// which the network keeps its leaves.
public struct State: Hashable, Sendable {
  var values: [Double]

  /// The value of `leaf`.
  public subscript(leaf: LeafID) -> Double {
    get { values[leaf.index] }
    set { values[leaf.index] = newValue }
  }
}
