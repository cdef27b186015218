# Sourced by the bin/ commands with a module name: builds the module when needed and sets MODULE_CP.
module="$1"
target="$root/$module/target"
jar="$target/${module//\//-}-0.1.0-SNAPSHOT.jar"
if [ ! -f "$jar" ] || [ -n "$(find "$root/$module/src/main" "$root/$module/pom.xml" -newer "$jar" -type f -print -quit)" ]; then
  echo "Building $module..." >&2
  "$root/mvnw" -q -B -DskipTests -pl "$module" -am install >&2
fi
MODULE_CP="$jar:$target/lib/*"
