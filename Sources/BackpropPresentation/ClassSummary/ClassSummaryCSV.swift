import BackpropCore

/// The class summary as CSV (RFC 4180, CRLF line ends) for a spreadsheet or a gradebook:
/// the students table, a blank line, then the lines table, each with its header.
public enum ClassSummaryCSV {
  /// Both tables; every cell through ``Escaping/csv(_:)``.
  public static func render(_ tally: ClassTally) -> String {
    func table(_ header: [String], _ rows: [[String]]) -> String {
      ([header] + rows).map { $0.map(Escaping.csv).joined(separator: ",") + "\r\n" }.joined()
    }
    return table(ClassSummaryTables.studentHeader, ClassSummaryTables.studentRows(tally)) + "\r\n"
      + table(ClassSummaryTables.lineHeader, ClassSummaryTables.lineRows(tally))
  }
}
