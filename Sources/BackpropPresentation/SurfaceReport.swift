import BackpropCore

/// A loss surface as the user sees it: a contour map with the descent's path.
public struct SurfaceReport {
  /// The example's name as the user gave it.
  public var name: String
  /// The example whose loss the surface is.
  public var example: Example
  /// The parameters on the horizontal and vertical axes.
  public var x: String
  /// The parameter on the vertical axis.
  public var y: String
  /// The loss on a grid over `x` and `y`, with the gradient-descent path.
  public var surface: LossSurface

  /// The report of `surface`, the loss of `example` (called `name`) over `x` and `y`.
  public init(name: String, example: Example, x: String, y: String, surface: LossSurface) {
    self.name = name
    self.example = example
    self.x = x
    self.y = y
    self.surface = surface
  }

  /// The contour chart, for the terminal or an SVG file.
  public var chart: ContourChart {
    var title = "\(example.loss) over (\(x), \(y)) with the descent's path (\(name))"
    if !surface.heldFixed.isEmpty { title += ", the others held" }
    return ContourChart(
      title: title, xLabel: x, yLabel: y, xRange: surface.xRange, yRange: surface.yRange,
      values: surface.values, path: surface.path)
  }

  /// The map as text: what is held fixed, where the path goes, and the chart.
  public func render(_ terminal: Terminal, into output: inout Output) {
    let n = terminal.notation
    let chart = self.chart

    output.line(terminal.bold("\(Escaping.terminal(name)): \(n.name(example.loss)) over \(n.name(x)) and \(n.name(y))"))
    if !surface.heldFixed.isEmpty {
      let held = surface.heldFixed.map(n.name).joined(separator: ", ")
      let their = surface.heldFixed.count == 1 ? "its starting value" : "their starting values"
      output.line("A slice: \(held) held at \(their); the path is the full run's.")
    }
    let start = surface.path.first.map { "(\(n.number(Readable.format($0.x))), \(n.number(Readable.format($0.y))))" } ?? "?"
    let end = surface.path.last.map { "(\(n.number(Readable.format($0.x))), \(n.number(Readable.format($0.y))))" } ?? "?"
    output.line("The path: gradient descent from \(start) to \(end).")
    if let sentence = TrainingReport.divergence(surface.divergedAt, loss: surface.lossAtDivergence ?? .nan, notation: n) {
      output.line(sentence)
    }
    output.line()
    chart.terminal(width: 64, height: 24, ascii: terminal.ascii).forEach { output.line($0) }
  }
}
