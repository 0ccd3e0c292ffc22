import os
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "../../../.."))  # the repository
import re
from decimal import Decimal


def slope():
    f = lambda x: x**3 - 3*x**2 + 2*x + 1
    dfdx = lambda x: 3*x**2 - 6*x + 2
    x = 2.0
    return {
        "df/dx": dfdx(x),
        "f": f(x),
        "f[x = 2.1]": f(2.1),
        "f[x = 2.1] - f": f(2.1) - f(x),
        "df/dx * 0.1": dfdx(x) * 0.1,
    }

def partials():
    f = lambda x, y: x**2 + y**2
    x, y = 3.0, 4.0
    dfdx, dfdy = 2*x, 2*y
    return {
        "x^2": x**2, "y^2": y**2, "f": f(x, y),
        "x + 0.1": x + 0.1, "y + 0.2": y + 0.2,
        "(x^2)[x = 3.1]": 3.1**2, "(y^2)[y = 4.2]": 4.2**2,
        "f[x = 3.1, y = 4.2]": f(3.1, 4.2),
        "f[x = 3.1, y = 4.2] - f": f(3.1, 4.2) - f(x, y),
        "df/dx": dfdx, "df/dy": dfdy,
        "df/dx * 0.1": dfdx * 0.1, "df/dy * 0.2": dfdy * 0.2,
        "df/dx * 0.1 + df/dy * 0.2": dfdx * 0.1 + dfdy * 0.2,
    }

def chain():
    x = 1.0
    y = 2*x + 3
    dydx = 2.0
    dzdy = 2*y
    dzdx = dzdy * dydx
    return {"dy/dx": dydx, "dz/dy / y": dzdy / y, "dz/dx / y": dzdx / y}

def descent():
    alpha = 0.1
    w1 = w2 = 1.0
    g1, g2 = 2.0, -3.0     # dL/dw1, dL/dw2 of L = 2.0*w1 - 3.0*w2
    return {
        "dL/dw1": g1, "alpha * dL/dw1": alpha * g1, "w1'": w1 - alpha * g1,
        "dL/dw2": g2, "-alpha * dL/dw2": -alpha * g2, "w2'": w2 - alpha * g2,
    }

def simple_chain():
    x, y, alpha = 2.0, 20.0, 0.01
    def fwd(w1, w2):
        h = x * w1
        yhat = h * w2
        return h, yhat, 0.5 * (y - yhat)**2
    def grads(w1, w2):
        h, yhat, _ = fwd(w1, w2)
        dLdyhat = yhat - y
        return dLdyhat * x * w2, dLdyhat * h, dLdyhat   # dL/dw1, dL/dw2, dL/dyhat
    w1, w2 = 2.0, 0.5
    h, yhat, L = fwd(w1, w2)
    g1, g2, gy = grads(w1, w2)
    h6, yhat6, L6 = fwd(w1, 0.6)
    # converged run
    a, b = w1, w2
    for step in range(1_000_000):
        ga, gb, _ = grads(a, b)
        na, nb = a - alpha * ga, b - alpha * gb
        done = abs(na - a) < 1e-15 and abs(nb - b) < 1e-15
        a, b = na, nb
        if done:
            break
    print("converged after", step + 1, "steps:", repr(a), repr(b), repr(fwd(a, b)[1]))
    w1n, w2n = w1 - alpha * g1, w2 - alpha * g2
    hn, yhatn, Ln = fwd(w1n, w2n)
    return {
        "h": h, "yhat": yhat, "y - yhat": y - yhat, "(y - yhat)^2": (y - yhat)**2, "L": L,
        "dL/dyhat": gy, "dyhat/dw2": h, "dL/dw2": g2,
        "dL/dw2 * 0.1": g2 * 0.1, "-(dL/dw2 * 0.1)": -(g2 * 0.1),
        "h[w2 = 0.6]": h6, "yhat[w2 = 0.6]": yhat6,
        "(y - yhat)[w2 = 0.6]": y - yhat6, "((y - yhat)^2)[w2 = 0.6]": (y - yhat6)**2,
        "L[w2 = 0.6]": L6, "L - L[w2 = 0.6]": L - L6,
        "dyhat/dw1": x * w2, "dL/dw1": g1,
        "w1@converged": a, "w2@converged": b, "yhat@converged": fwd(a, b)[1],
        "-alpha * dL/dw2": -alpha * g2, "w2'": w2n,
        "-alpha * dL/dw1": -alpha * g1, "w1'": w1n,
        "h'": hn, "yhat'": yhatn, "y - yhat'": y - yhatn, "(y - yhat')^2": (y - yhatn)**2, "L'": Ln,
    }

def verdict(printed, exact):
    d = Decimal(printed)
    unit = Decimal(1).scaleb(d.as_tuple().exponent)
    half = float(unit) / 2
    diff = abs(float(d) - exact)
    return "agree" if diff <= half + 1e-9 * max(abs(exact), half) else "differ"

for name, fn in [("calculus-slope", slope), ("calculus-partials", partials),
                 ("calculus-chain", chain), ("descent-direction", descent),
                 ("simple-chain", simple_chain)]:
    vals = fn()
    rows = ["line\texpression\tprinted\texact\tverdict"]
    used = set()
    nd = ndiff = 0
    for i, line in enumerate(open(f"{ROOT}/Examples/{name}.txt"), 1):
        m = re.match(r"\s*doc\s+(.*?)\s+=\s+(\S+)\s*(#.*)?$", line)
        if not m:
            continue
        expr, printed = m.group(1), m.group(2)
        exact = vals[expr]
        used.add(expr)
        v = verdict(printed, exact)
        nd += 1; ndiff += v == "differ"
        rows.append(f"{i}\t{expr}\t{printed}\t{exact!r}\t{v}")
        if v == "differ":
            print(f"  {name}:{i} {expr} printed {printed} exact {exact!r}")
    unused = set(vals) - used
    print(name, nd, "doc lines,", ndiff, "differ; unused computed:", unused)
    open(f"{ROOT}/Tests/Fixtures/seed-values/{name}.tsv", "w").write("\n".join(rows) + "\n")
