/// The loss over two parameters, on a grid, with the gradient-descent path.
///
/// With more than two trainable parameters it is a slice: the others are held at
/// their starting values, while the path is the full run's, seen in the two chosen.
public struct LossSurface: Sendable {
  /// The parameter along the horizontal axis.
  public var x: String
  /// The parameter along the vertical axis.
  public var y: String
  /// The values of `x` the grid spans: the path's, with a margin.
  public var xRange: ClosedRange<Double>
  /// The values of `y` the grid spans: the path's, with a margin.
  public var yRange: ClosedRange<Double>
  /// values[row][column], row 0 at the low end of y.
  public var values: [[Double]]
  /// (x, y) at each recorded step of gradient descent, from the start.
  public var path: [(x: Double, y: Double)]
  /// The other trainable parameters, held at their starting values.
  public var heldFixed: [String]
  /// The step at which the descent's path diverged, if it did (the path stops there).
  public var divergedAt: Int? = nil
  /// The loss where the path stopped, when it diverged.
  public var lossAtDivergence: Double? = nil
}
