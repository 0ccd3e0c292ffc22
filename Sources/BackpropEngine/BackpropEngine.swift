/// BackpropEngine: the micrograd-sized heart of the tutor, readable on its own.
///
/// A scalar computation graph stored as a tape (``Graph``): nodes appended after
/// their operands, a forward pass front to back and reverse-mode differentiation
/// back to front, with no recursion. What each node may compute is the operator
/// table (``Operator``): one entry per operator gives its names and spellings, its
/// arity, its value, its local derivatives, its interval extension, its symbolic
/// derivative and its printed form, so that a new function is one entry. Formulas
/// over those operators are ``Expression`` trees, and ``Interval`` is arithmetic on
/// numbers known only to the digits a document printed. The building blocks of
/// small trained networks (``Neuron``, ``Layer``, ``MLP``, ``GradientDescent``) sit
/// on top. The engine knows mathematics only: it never reads files or prints.
public enum BackpropEngine {}
