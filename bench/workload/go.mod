module example.com/benchsvc

go 1.22

require (
	github.com/spf13/cobra v1.8.1
	golang.org/x/net v0.33.0
	google.golang.org/protobuf v1.36.1
)

require (
	github.com/inconshreveable/mousetrap v1.1.0 // indirect
	github.com/spf13/pflag v1.0.5 // indirect
	golang.org/x/text v0.21.0 // indirect
)
