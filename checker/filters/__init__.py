"""What is done with a finished report: the gate that passes or fails it, the baseline, inline
suppressions, changed lines, and the fixes verified to apply."""
