# Sourced by the bin/nlu-* commands: builds nlu-engine when needed and sets NLU_ENGINE_CP.
source "$root/bin/module-env.sh" nlu-engine
NLU_ENGINE_CP="$MODULE_CP"
