// How fast one key (a user, or a client address) may have its password
// guesses checked. Pure: the caller keeps one GuessState per key and passes
// the time, so tests can walk any sequence of attempts.
//
// The first `free_failures` failures cost nothing: people mistype. After
// that, checks for the key are spaced out: each one takes the next free slot,
// base * 2^(failures - free_failures) after the previous one (at most cap),
// so guesses on many parallel connections queue one behind the other instead
// of running side by side. A check whose slot would be more than max_wait
// away is refused without looking at the password (the answer is the
// protocol's wrong-password answer), so a guesser cannot park requests
// either. A success clears the key; failures older than `forget` are
// forgotten.
#pragma once
#include <chrono>

namespace og::rules::auth {

using Ms = std::chrono::milliseconds;  // on the caller's monotonic clock

struct GuessPolicy {
  int free_failures = 5;
  Ms base{250};
  Ms cap{8'000};
  Ms max_wait{10'000};
  Ms forget{std::chrono::minutes(15)};
};

struct GuessState {
  int failures = 0;
  Ms next_slot{0};     // the earliest time the next check may run
  Ms last_failure{0};  // meaningful only when failures > 0
};

struct Admission {
  bool refused = false;  // answer "wrong password" without checking
  Ms wait{0};            // else: run the check this long from now
};

// The spacing between checks after `failures` failures (zero while free).
Ms spacing(const GuessPolicy& policy, int failures);

// Decides about a check for the key at `now` and, unless refused, reserves
// its slot in `state`.
Admission admit(const GuessPolicy& policy, GuessState& state, Ms now);

// The check failed (a wrong password, or an unknown user) at `now`.
void record_failure(const GuessPolicy& policy, GuessState& state, Ms now);

// The check succeeded: the key starts afresh.
void record_success(GuessState& state);

// Nothing worth keeping: the caller may drop the key's state.
bool forgotten(const GuessPolicy& policy, const GuessState& state, Ms now);

}  // namespace og::rules::auth
