"""What is done with a finished report: the gate that passes or fails it, the baseline, inline
suppressions, changed lines, and the fixes verified to apply.

`filters/` imports nothing from `outputs` or the front ends, and checks nothing itself: the
check that verifies a fix is given by the caller.
"""
