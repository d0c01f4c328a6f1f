# Shared by bench/run and bench/warm: what they do to bench/workload besides timing it. Run from a copy of the
# workload (its go.mod, go.sum and main.go in the current directory).
# raw_loop: the shell loop gomvn replaces, one go build per target of $targets into out/.
raw_loop() {
  for t in $targets; do
    ext=""; [ "${t%/*}" = windows ] && ext=.exe
    GOOS=${t%/*} GOARCH=${t#*/} CGO_ENABLED=0 go build -trimpath -o "out/${t/\//_}/benchsvc$ext" .
  done
}
# bare_go: the go commands the four rules run, without Maven.
bare_go() {
  go env -json > /dev/null
  go list -m -json all > /dev/null
  go mod download -json > /dev/null
  go list -mod=readonly -deps -test ./... > /dev/null
  go mod verify > /dev/null
}
# make_reactor DIR: a 10-module reactor in DIR, each module a copy of the workload under its own module path, with
# the rules of bench/pom-gomvn.xml in the parent (-Dbench.skipRules=true leaves them out).
make_reactor() {
  local dir=$1
  mkdir -p "$dir"
  python3 - "$root/bench/pom-gomvn.xml" "$dir/pom.xml" <<'PY'
import re, sys
source = open(sys.argv[1]).read()
enforcer = re.search(r'(<plugin>\s*<groupId>org.apache.maven.plugins</groupId>\s*<artifactId>maven-enforcer-plugin</artifactId>.*?</plugin>)', source, re.S).group(1)
modules = ''.join(f'<module>m{i}</module>' for i in range(1, 11))
open(sys.argv[2], 'w').write(f'''<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
<groupId>dev.gomvn.bench</groupId><artifactId>reactor</artifactId><version>1.0</version><packaging>pom</packaging>
<properties><bench.skipRules>false</bench.skipRules></properties>
<modules>{modules}</modules><build><plugins>{enforcer}</plugins></build></project>''')
PY
  for i in $(seq 10); do
    mkdir -p "$dir/m$i"
    printf '<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion><parent><groupId>dev.gomvn.bench</groupId><artifactId>reactor</artifactId><version>1.0</version></parent><artifactId>m%s</artifactId><packaging>pom</packaging></project>' "$i" > "$dir/m$i/pom.xml"
    cp go.mod go.sum main.go "$dir/m$i/"
    sed -i "s#module example.com/benchsvc#module example.com/m$i#" "$dir/m$i/go.mod"
  done
}
