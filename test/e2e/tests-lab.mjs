// Browser tests for the VM-vs-container lab.
export const tests = []
