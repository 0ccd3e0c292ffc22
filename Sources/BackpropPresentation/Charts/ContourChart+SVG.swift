import BackpropCore
import Foundation

extension ContourChart {
  /// A standalone SVG: filled contours (bands between the levels, from a light to a dark
  /// colour), the contour lines, the path as a polyline with a hollow circle at its
  /// start and a diamond at its end, axes with ticks and labels, the title, and a colour
  /// legend with the levels.
  ///
  /// Sizes below 320 × 240 are raised to it.
  public func svg(width: Int = 800, height: Int = 600) -> String {
    let (width, height) = (min(max(width, 320), 20_000), min(max(height, 240), 20_000))
    let surface = Surface(self)
    let levels = self.levels
    let levelLabels = ChartAxis.labels(levels, usesLogarithmicLevels)
    let legendWidth = 24 + 18 + 8 + max(levelLabels.map { ChartSVG.textWidth($0) }.max() ?? 0, ChartSVG.textWidth("no value")) + 16
    let top = title.isEmpty ? 24.0 : 60
    let plotHeight = Double(height) - top - 70
    let yOnly = axes(
      preferred: (2, max(2, Int(plotHeight / 70))), length: (1, plotHeight), spacing: ({ _ in 0 }, { _ in ChartSVG.tickSize * 2 }))
    let left = ChartSVG.leftMargin(yOnly.y, yLabel: yLabel)
    let plotWidth = max(Double(width) - left - legendWidth, 40)
    let (x, y) = axes(
      preferred: (max(2, Int(plotWidth / 80)), max(2, Int(plotHeight / 70))), length: (plotWidth, plotHeight),
      spacing: ({ labels in (labels.map { ChartSVG.textWidth($0) }.max() ?? 0) + 16 }, { _ in ChartSVG.tickSize * 2 }))
    let area = ChartSVG.Area(x: left, y: top, width: plotWidth, height: plotHeight)

    // Samples about 3 px apart, each coloured by its band; a row's equal neighbours merge into one rectangle.
    let (columns, rows) = (min(max(Int(plotWidth / 3), 2), 600), min(max(Int(plotHeight / 3), 2), 600))
    let samples = (0..<rows).map { r in
      (0..<columns).map { c in surface.value(atFraction: (Double(c) + 0.5) / Double(columns), 1 - (Double(r) + 0.5) / Double(rows)) }
    }
    let bandColours = (0...levels.count).map { ChartSVG.colour((Double($0) + 0.5) / Double(levels.count + 1)) }
    let grey = "#c8c8c8"
    func colour(_ value: Double) -> String {
      value.isFinite ? bandColours[levels.firstIndex { value < $0 } ?? levels.count] : grey
    }
    func edge(_ start: Double, _ i: Int, _ n: Int, _ size: Double) -> Double {
      ((start + size * Double(i) / Double(n)) * 100).rounded() / 100
    }
    var body = [#"<g shape-rendering="crispEdges">"#]
    for (r, row) in samples.enumerated() where !noData {
      let (y0, y1) = (edge(area.y, r, rows, area.height), edge(area.y, r + 1, rows, area.height))
      var c = 0
      while c < columns {
        let fill = colour(row[c])
        var next = c + 1
        while next < columns && colour(row[next]) == fill { next += 1 }
        let (x0, x1) = (edge(area.x, c, columns, area.width), edge(area.x, next, columns, area.width))
        body.append(ChartSVG.rect(x0, y0, x1 - x0, y1 - y0, #"fill="\#(fill)""#))
        c = next
      }
    }
    body.append("</g>")
    func pixel(_ r: Double, _ c: Double) -> (x: Double, y: Double) {
      (area.x + (c + 0.5) / Double(columns) * area.width, area.y + (r + 0.5) / Double(rows) * area.height)
    }
    for level in levels {
      let d = ChartSVG.isoline(samples, level: level, pixel: pixel)
      if !d.isEmpty {
        body.append(##"<path fill="none" stroke="#000000" stroke-opacity="0.35" stroke-width="1" d="\##(d)"/>"##)
      }
    }
    body += ChartSVG.axes(area, x: x, y: y, xLabel: xLabel, yLabel: yLabel, grid: false)
    if noData {
      body.append(
        ChartSVG.text(
          "no data", x: area.x + area.width / 2, y: area.y + area.height / 2, size: ChartSVG.labelSize,
          attributes: ##"fill="#888888""##))
    }
    body += pathMarks(area, x, y)
    body += legend(
      area, levels: levels, labels: levelLabels, colours: bandColours,
      grey: !noData && samples.joined().contains { !$0.isFinite } ? grey : nil)
    return ChartSVG.document(width: width, height: height, title: title, body: body)
  }

  private static let pathColour = "#d62728"

  /// The path over the map: a white halo under a red line, dots at the steps when
  /// there are few, a hollow circle at the start and a diamond at the end.
  private func pathMarks(_ area: ChartSVG.Area, _ x: ChartAxis, _ y: ChartAxis) -> [String] {
    var marks: [String] = []
    func pixel(_ point: (x: Double, y: Double)) -> (x: Double, y: Double) { (area.x(point.x), area.y(point.y)) }
    for piece in clippedPath(x, y) {
      let points = ChartSVG.points(piece.map(pixel))
      marks.append(#"<polyline fill="none" stroke="white" stroke-width="5" stroke-linejoin="round" points="\#(points)"/>"#)
      marks.append(
        #"<polyline fill="none" stroke="\#(Self.pathColour)" stroke-width="2.5" stroke-linejoin="round" points="\#(points)"/>"#)
    }
    let inside = path.map { (x: x.fraction($0.x), y: y.fraction($0.y)) }.filter(Self.inside).map(pixel)
    if path.count <= 60 {
      for point in inside {
        marks.append(ChartSVG.circle(point, radius: 2.5, #"fill="\#(Self.pathColour)""#))
      }
    }
    let fractions = path.map { (x: x.fraction($0.x), y: y.fraction($0.y)) }
    if let last = fractions.last, path.count > 1, Self.inside(last) { marks.append(Self.endMark(pixel(last))) }
    if let first = fractions.first, Self.inside(first) { marks.append(Self.startMark(pixel(first))) }
    return marks
  }

  private static func startMark(_ p: (x: Double, y: Double)) -> String {
    ChartSVG.circle(p, radius: 7, #"fill="white" stroke="\#(pathColour)" stroke-width="3""#)
  }

  private static func endMark(_ p: (x: Double, y: Double)) -> String {
    let corners = [(p.x, p.y - 9), (p.x + 9, p.y), (p.x, p.y + 9), (p.x - 9, p.y)]
    return #"<polygon points="\#(ChartSVG.points(corners))" fill="\#(pathColour)" stroke="white" stroke-width="2"/>"#
  }

  /// The colour legend right of the map: one swatch a band, lowest at the bottom, the
  /// levels between them; grey for no value; then the path's marks.
  private func legend(_ area: ChartSVG.Area, levels: [Double], labels: [String], colours: [String], grey: String?) -> [String] {
    var lines: [String] = []
    let left = area.x + area.width + 24
    let swatch = min(28, (area.height * 0.6) / Double(max(colours.count, 1)))
    let bottom = area.y + area.height * 0.6 + 10
    let textX = left + 18 + 8
    if extremes != nil {
      for (i, colour) in colours.enumerated() {
        let top = bottom - swatch * Double(i + 1)
        lines.append(ChartSVG.rect(left, top, 18, swatch, #"fill="\#(colour)" stroke="\#(ChartSVG.ink)" stroke-width="0.5""#))
      }
      // Every level while they are 16 px apart or more, else every 2nd, 3rd, ...
      let every = max(1, Int((16 / swatch).rounded(.up)))
      for (i, label) in labels.enumerated() where i % every == (labels.count - 1) % every {
        let y = bottom - swatch * Double(i + 1)
        lines.append(ChartSVG.text(label, x: textX, y: y + ChartSVG.tickSize * 0.35, size: ChartSVG.tickSize, anchor: "start"))
      }
      if levels.isEmpty, let extremes {
        let y = bottom - swatch / 2 + ChartSVG.tickSize * 0.35
        lines.append(ChartSVG.text(Readable.format(extremes.low), x: textX, y: y, size: ChartSVG.tickSize, anchor: "start"))
      }
    }
    var y = bottom + 28
    if let grey {
      lines.append(ChartSVG.rect(left, y - 12, 18, 16, #"fill="\#(grey)""#))
      lines.append(ChartSVG.text("no value", x: textX, y: y + 1, size: ChartSVG.tickSize, anchor: "start"))
      y += 28
    }
    if !path.isEmpty {
      lines.append(Self.startMark((left + 9, y - 5)))
      lines.append(ChartSVG.text("start", x: textX, y: y, size: ChartSVG.tickSize, anchor: "start"))
      lines.append(Self.endMark((left + 9, y + 23)))
      lines.append(ChartSVG.text("end", x: textX, y: y + 28, size: ChartSVG.tickSize, anchor: "start"))
    }
    return lines
  }
}
