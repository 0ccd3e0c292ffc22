import BackpropCore

/// "Where the class went wrong": one bar per `doc` line of the key, split into the
/// students who got it right, slipped there, were wrong for another reason (carried,
/// rounding) and left it blank. Sized for a projector, in the charts' style.
public enum ClassSummaryChart {
  static let parts: [(name: String, colour: String)] = [
    ("right", "#2166ac"), ("slipped here", "#b2182b"), ("wrong before (carried, rounding)", "#f4a582"), ("blank", "#d9d9d9"),
  ]
  static let labelSize = 18.0
  static let rowHeight = 40.0

  /// The chart as a standalone SVG document, starting with ``WriterMark/svg``.
  public static func render(_ tally: ClassTally) -> String {
    let labels = tally.lines.map { "\($0.line.text)  (line \($0.line.line))" }
    let labelWidth = min(420, max(160, (labels.map { ChartSVG.textWidth($0, size: labelSize) }.max() ?? 0) + 24))
    let width = 1280.0
    let top = 104.0
    let barWidth = width - labelWidth - 330
    let height = top + Double(max(tally.lines.count, 1)) * rowHeight + 70
    let judged = tally.students.filter { $0.error == nil }.count
    var body: [String] = []
    // The legend, under the title.
    var x = labelWidth
    for (name, colour) in parts {
      body.append(ChartSVG.rect(x, 54, 18, 18, #"fill="\#(colour)""#))
      body.append(ChartSVG.text(name, x: x + 24, y: 69, size: ChartSVG.labelSize, anchor: "start"))
      x += 24 + ChartSVG.textWidth(name, size: ChartSVG.labelSize) + 28
    }
    if tally.lines.contains(where: { $0.commonMistake != nil }) {
      body.append(
        ChartSVG.text("most common mistake", x: labelWidth + barWidth + 8, y: top - 6, size: ChartSVG.tickSize, anchor: "start"))
    }
    for (index, (line, label)) in zip(tally.lines, labels).enumerated() {
      let y = top + Double(index) * rowHeight
      let shown = label.count > 40 ? String(label.prefix(39)) + "…" : label
      body.append(ChartSVG.text(shown, x: labelWidth - 14, y: y + rowHeight / 2 + labelSize * 0.35, size: labelSize, anchor: "end"))
      let counts = [line.right, line.slipped, line.otherwiseWrong, line.blank]
      var left = labelWidth
      for (count, part) in zip(counts, parts) where count > 0 && judged > 0 {
        let w = barWidth * Double(count) / Double(judged)
        body.append(ChartSVG.rect(left, y + 6, w, rowHeight - 12, #"fill="\#(part.colour)" stroke="white" stroke-width="1""#))
        if w >= 28 {
          let ink = part.colour == parts[1].colour || part.colour == parts[0].colour ? "white" : ChartSVG.ink
          body.append(
            ChartSVG.text(
              String(count), x: left + w / 2, y: y + rowHeight / 2 + ChartSVG.tickSize * 0.35 + 1, size: ChartSVG.labelSize,
              attributes: #"fill="\#(ink)" font-weight="bold""#))
        }
        left += w
      }
      if let mistake = line.commonMistake {
        body.append(
          ChartSVG.text(
            "\(mistake.rawValue) ×\(line.commonMistakeStudents)", x: labelWidth + barWidth + 8, y: y + rowHeight / 2 + 5,
            size: ChartSVG.labelSize, anchor: "start"))
      }
    }
    let failed = tally.students.count - judged
    var footer = "\(judged) \(judged == 1 ? "student" : "students") judged"
    if failed > 0 { footer += "; \(failed) \(failed == 1 ? "file" : "files") could not be read or checked" }
    body.append(ChartSVG.text(footer, x: width / 2, y: height - 28, size: ChartSVG.labelSize))
    return ChartSVG.document(width: Int(width), height: Int(height), title: "Where the class went wrong", body: body)
  }
}
