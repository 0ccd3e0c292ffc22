/// The operators the tutor's own code builds formulas and graphs with.
extension Operator {
  public static let add = named("add")!
  public static let subtract = named("subtract")!
  public static let multiply = named("multiply")!
  public static let divide = named("divide")!
  public static let power = named("power")!
  public static let negate = named("negate")!
  public static let identity = named("identity")!
  public static let sigmoid = named("sigmoid")!
  public static let tanh = named("tanh")!
  public static let relu = named("relu")!
  public static let log = named("log")!
  public static let step = named("step")!
  public static let sign = named("sign")!
}
