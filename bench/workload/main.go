// Command benchsvc is the benchmark workload: a small service shaped like real ones, with a CLI,
// an HTTP/2 server and protobuf-encoded status, so a build compiles a few hundred packages.
package main

import (
	"fmt"
	"net/http"
	"os"

	"github.com/spf13/cobra"
	"golang.org/x/net/http2"
	"golang.org/x/net/http2/h2c"
	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/types/known/structpb"
)

func status() ([]byte, error) {
	s, err := structpb.NewStruct(map[string]any{"service": "benchsvc", "healthy": true})
	if err != nil {
		return nil, err
	}
	return protojson.Marshal(s)
}

func main() {
	root := &cobra.Command{Use: "benchsvc"}
	serve := &cobra.Command{
		Use: "serve",
		RunE: func(cmd *cobra.Command, args []string) error {
			handler := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				body, err := status()
				if err != nil {
					http.Error(w, err.Error(), http.StatusInternalServerError)
					return
				}
				w.Write(body)
			})
			return http.ListenAndServe(":8080", h2c.NewHandler(handler, &http2.Server{}))
		},
	}
	print := &cobra.Command{
		Use: "status",
		RunE: func(cmd *cobra.Command, args []string) error {
			body, err := status()
			fmt.Println(string(body))
			return err
		},
	}
	root.AddCommand(serve, print)
	if err := root.Execute(); err != nil {
		os.Exit(1)
	}
}
