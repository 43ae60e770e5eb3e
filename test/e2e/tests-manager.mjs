// Browser tests for the building manager (kubectl console, why-here, scheduling rules).
export const tests = []
