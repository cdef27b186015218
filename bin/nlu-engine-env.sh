# Sourced by the bin/nlu-* commands: builds nlu-engine when needed and sets NLU_ENGINE_CP.
engine="$root/nlu-engine/target"
jar="$engine/nlu-engine-0.1.0-SNAPSHOT.jar"
if [ ! -f "$jar" ] || [ -n "$(find "$root/nlu-engine/src/main" "$root/nlu-engine/pom.xml" -newer "$jar" -type f -print -quit)" ]; then
  echo "Building nlu-engine..." >&2
  "$root/mvnw" -q -B -DskipTests -pl nlu-engine -am install >&2
fi
NLU_ENGINE_CP="$jar:$engine/lib/*"
