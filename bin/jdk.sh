# Finds a JDK 21 or newer, as the build does; sourced by bin/adjoint and bin/adjoint-example.
# Looks at $ADJOINT_JAVA, $JAVA_HOME, /usr/lib/jvm/*, SDKMAN's candidates, then the java on the
# PATH, and sets java (the binary) and java_version (its major version), or says why not and exits 2.

# The major version of the JDK whose java binary is $1, from its release file if it has one.
major() {
  local home release version
  home="$(cd "$(dirname "$1")/.." 2>/dev/null && pwd)" || return 1
  release="$home/release"
  if [ -f "$release" ]; then
    version="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release")"
  else
    version="$("$1" -XshowSettings:properties -version 2>&1 | sed -n 's/.*java.specification.version = \([0-9]*\).*/\1/p')"
  fi
  [ -n "$version" ] && echo "$version"
}

find_java() {
  local candidate v
  for candidate in ${ADJOINT_JAVA:+"$ADJOINT_JAVA"} ${JAVA_HOME:+"$JAVA_HOME/bin/java"} /usr/lib/jvm/*/bin/java \
      "$HOME"/.sdkman/candidates/java/*/bin/java "$(command -v java 2>/dev/null || true)"; do
    [ -x "$candidate" ] || continue
    v="$(major "$candidate" || true)"
    if [ -n "$v" ] && [ "$v" -ge 21 ]; then
      echo "$candidate $v"
      return 0
    fi
  done
  return 1
}

found="$(find_java)" || { echo "$(basename "$0"): no JDK 21 or newer found (set ADJOINT_JAVA to its java)" >&2; exit 2; }
java="${found% *}"
java_version="${found##* }"
