package greeting

import _ "embed"

//go:embed banner.txt
var banner string

// Banner is embedded: the build cache must track banner.txt like the .go files.
func Banner() string {
	return banner
}
