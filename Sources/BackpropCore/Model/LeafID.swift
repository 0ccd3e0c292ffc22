/// Identifies one leaf of a ``Network``: an input, target, parameter, constant or the
/// learning rate. Only the network issues them, one per leaf.
public struct LeafID: Hashable, Sendable {
  let index: Int
}
