import os
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "../../../.."))  # the repository
import math, re
from decimal import Decimal
sig = lambda z: 1/(1+math.exp(-z))

# ---------- example 1: 2-2-2 net ----------
def fwd1(i1=0.05, i2=0.10, t1=0.01, t2=0.99, w=(0.15,0.2,0.25,0.3,0.4,0.45,0.5,0.55), b1=0.35, b2=0.6):
    w1,w2,w3,w4,w5,w6,w7,w8 = w
    nh1 = i1*w1 + i2*w2 + b1; nh2 = i1*w3 + i2*w4 + b1
    oh1, oh2 = sig(nh1), sig(nh2)
    no1 = oh1*w5 + oh2*w6 + b2; no2 = oh1*w7 + oh2*w8 + b2
    oo1, oo2 = sig(no1), sig(no2)
    E1 = 0.5*(t1-oo1)**2; E2 = 0.5*(t2-oo2)**2
    return dict(nh1=nh1,nh2=nh2,oh1=oh1,oh2=oh2,no1=no1,no2=no2,oo1=oo1,oo2=oo2,E1=E1,E2=E2,E=E1+E2)
f = fwd1()
LR = 0.5
dE_dw5 = (f['oo1']-0.01) * f['oo1']*(1-f['oo1']) * f['oh1']
ex1 = {
 'i1': 0.05,
 'net_h1': f['nh1'], 'net_h2': f['nh2'],
 'out_o1': f['oo1'], 'out_o2': f['oo2'],
 'dE_o2/dout_o1': 0.0,          # E_o2 depends on out_o2 only
 'dE_total/dw5': dE_dw5,
 "w5'": 0.4 - LR*dE_dw5,
 'dnet_h2/db1': 1.0, 'dnet_o1/db2': 1.0, 'dnet_o2/db2': 1.0,
}
# finite-difference sanity check of dE_total/dw5
h=1e-6
fp = fwd1(w=(0.15,0.2,0.25,0.3,0.4+h,0.45,0.5,0.55))['E']; fm = fwd1(w=(0.15,0.2,0.25,0.3,0.4-h,0.45,0.5,0.55))['E']
assert abs((fp-fm)/(2*h) - dE_dw5) < 1e-8
print('slip i1=0.5:', fwd1(i1=0.5)['nh1'], fwd1(i1=0.5)['nh2'])

# ---------- example 2: sum of inputs ----------
x1, x2, y, eta = 1.1, 2.2, 3.3, 0.1
def fwd2(w11=0.2, w12=0.3, w21=0.4, w22=0.7, wh1=0.6, wh2=-0.1):
    z1 = x1*w11 + x2*w21; a1 = sig(z1)
    z2 = x1*w12 + x2*w22; a2 = sig(z2)
    zo = a1*wh1 + a2*wh2; yp = sig(zo)
    return dict(z1=z1,a1=a1,z2=z2,a2=a2,zo=zo,yp=yp,L=0.5*(yp-y)**2)
g = fwd2()
W = dict(w11=0.2, w12=0.3, w21=0.4, w22=0.7, wh1=0.6, wh2=-0.1)
do = (g['yp']-y)*g['yp']*(1-g['yp'])
d1 = do*W['wh1']*g['a1']*(1-g['a1'])
d2 = do*W['wh2']*g['a2']*(1-g['a2'])
grad = dict(wh1=do*g['a1'], wh2=do*g['a2'], w11=d1*x1, w21=d1*x2, w12=d2*x1, w22=d2*x2)
for k in grad:   # finite-difference check
    wp = dict(W); wp[k]+=1e-6; wm = dict(W); wm[k]-=1e-6
    assert abs((fwd2(**wp)['L']-fwd2(**wm)['L'])/2e-6 - grad[k]) < 1e-7, k
new = {k: W[k]-eta*grad[k] for k in W}
ex2 = {
 'x1 * w_11': x1*W['w11'], 'x2 * w_21': x2*W['w21'], 'z1': g['z1'], 'a1': g['a1'],
 'x1 * w_12': x1*W['w12'], 'x2 * w_22': x2*W['w22'], 'z2': g['z2'], 'a2': g['a2'],
 'a1 * w_h1': g['a1']*W['wh1'], 'a2 * w_h2': g['a2']*W['wh2'], 'z_o': g['zo'], 'ypred': g['yp'],
 'Loss': g['L'], 'ypred - y': g['yp']-y, 'ypred * (1 - ypred)': g['yp']*(1-g['yp']),
 'delta_o': do, 'dLoss/dw_h1': grad['wh1'], 'dLoss/dw_h2': grad['wh2'],
 'delta_o * w_h1': do*W['wh1'], 'a1 * (1 - a1)': g['a1']*(1-g['a1']), 'delta_1': d1,
 'delta_o * w_h2': do*W['wh2'], 'a2 * (1 - a2)': g['a2']*(1-g['a2']), 'delta_2': d2,
 'dLoss/dw_11': grad['w11'], 'dLoss/dw_21': grad['w21'], 'dLoss/dw_12': grad['w12'], 'dLoss/dw_22': grad['w22'],
 "w_h1'": new['wh1'], "w_h2'": new['wh2'], "w_11'": new['w11'], "w_21'": new['w21'], "w_12'": new['w12'], "w_22'": new['w22'],
}

def half_unit(s):
    d = Decimal(s)
    return 0.5 * 10.0**d.as_tuple().exponent
def verdict(s, exact):
    h = half_unit(s)
    return 'agree' if abs(float(s)-exact) <= h + 1e-9*max(abs(exact), h) else 'differ'

for name, vals in [('handwritten-222', ex1), ('sum-of-inputs', ex2)]:
    rows = ['line\texpression\tprinted\texact\tverdict']
    nd = 0; n = 0
    for ln, line in enumerate(open(f'{ROOT}/Examples/{name}.txt'), 1):
        m = re.match(r'\s*doc\s+(.*?)\s*=\s*(\S+)\s*(#.*)?$', line)
        if not m: continue
        expr, printed = m.group(1), m.group(2)
        ex = vals[expr]
        v = verdict(printed, ex); n += 1; nd += v == 'differ'
        rows.append(f'{ln}\t{expr}\t{printed}\t{ex!r}\t{v}')
    open(f'{ROOT}/Tests/Fixtures/seed-values/{name}.tsv','w').write('\n'.join(rows)+'\n')
    print(name, n, 'doc lines,', nd, 'differ')
