// The trace the tutor steps through: names for every node (cs231n style: inputs by name, intermediates q or
// q₁, q₂, ..., the output f), one forward step per operation and, after the seed ∂f/∂f = 1, one backward step
// per operation with each input's local derivative, its contribution and the running total where a value fans
// out. Every LaTeX line is built here from the op rules, so the web only renders. Words are left to the web.
#pragma once
#include <string>
#include <vector>

#include "core/scalar/graph.hpp"

namespace bp::scalar {

struct ForwardStep {
  NodeId node;
  std::string latex;       // q = x + y = -2 + 5 = 3
  std::string rule_latex;  // q = x + y: the rule alone, a hint that does not give the answer away
};

struct BackwardEdge {
  NodeId input;
  double local;             // ∂node/∂input
  double contribution;      // upstream * local
  double total;             // the input's gradient after this contribution (its running total)
  int path;                 // this edge is path `path` (1-based) of `paths` into the input
  int paths;
  std::string rule_latex;   // \frac{\partial q}{\partial x} = z = -4
  std::string latex;        // \frac{\partial f}{\partial x} = \frac{\partial f}{\partial q}\frac{\partial q}{\partial x} = (1)(-4) = -4
  std::string total_latex;  // when paths > 1 and path > 1: \frac{\partial f}{\partial x} = -4 + 2 = -2
};

struct BackwardStep {
  NodeId node;
  double upstream;                   // ∂f/∂node, complete when this step runs
  std::string latex;                 // for the seed step only: \frac{\partial f}{\partial f} = 1
  std::vector<BackwardEdge> inputs;  // empty for the seed step
};

struct Warning {
  NodeId node;
  std::string kind;  // "value" or "gradient"
  std::string message;
};

struct Trace {
  std::vector<std::string> names;    // plain: x, q1, f
  std::vector<std::string> latex;    // LaTeX: x, q_{1}, f, \mathrm{apple\_num}
  std::vector<int> fanout;           // how many differentiated edges leave each node
  std::vector<ForwardStep> forward;
  std::vector<BackwardStep> backward;
  std::vector<Warning> warnings;
};

// Runs forward and backward on `graph` (whose variables must have values) and records the steps.
Trace run_with_trace(Graph& graph);

}  // namespace bp::scalar
